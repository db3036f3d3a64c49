#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Mostrador::Testing {

// A fresh, empty PostgreSQL database for one test, created on the throwaway server that the
// test script (scripts/test) starts and names in MOSTRADOR_TEST_POSTGRES_URL. Dropped again
// when the object goes. isAvailable() is false, with skipReason() saying why, when no server
// was started (for example when a developer runs a test binary by hand).
class TemporaryPostgres
{
public:
    TemporaryPostgres();
    ~TemporaryPostgres();
    TemporaryPostgres(const TemporaryPostgres &) = delete;
    TemporaryPostgres &operator=(const TemporaryPostgres &) = delete;

    [[nodiscard]] bool isAvailable() const { return m_skipReason.isEmpty(); }
    [[nodiscard]] QString skipReason() const { return m_skipReason; }

    // postgres://user@host:port/database for the database made for this test.
    [[nodiscard]] QString url() const { return m_url; }
    [[nodiscard]] QString databaseName() const { return m_databaseName; }

    // Opens a new connection to the test database under the given Qt connection name.
    [[nodiscard]] QSqlDatabase open(const QString &connectionName) const;

private:
    QString m_serverUrl;
    QString m_url;
    QString m_databaseName;
    QString m_skipReason;
};

} // namespace Mostrador::Testing
