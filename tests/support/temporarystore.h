#pragma once

#include "db/database.h"
#include "temporarypostgres.h"

#include <QTemporaryDir>
#include <QVariant>

#include <gtest/gtest.h>

#include <memory>

namespace Mostrador::Testing {

enum class Backend { Sqlite, Postgres };

[[nodiscard]] std::string backendName(const ::testing::TestParamInfo<Backend> &info);
void PrintTo(Backend backend, std::ostream *out);

// A fresh store for one test: a SQLite file in a temporary folder, or a fresh database on the
// test PostgreSQL. Tests parameterised over Backend run against both.
class TemporaryStore
{
public:
    explicit TemporaryStore(Backend backend = Backend::Sqlite);

    [[nodiscard]] bool isAvailable() const { return m_skipReason.isEmpty(); }
    [[nodiscard]] QString skipReason() const { return m_skipReason; }
    [[nodiscard]] StoreLocation location() const { return m_location; }
    [[nodiscard]] QString sqlitePath() const { return m_location.sqlitePath; }
    [[nodiscard]] QString directory() const { return m_directory.path(); }

    // Opens (or reopens) a connection; fails the test if it cannot.
    [[nodiscard]] std::unique_ptr<Database> open() const;

private:
    QTemporaryDir m_directory;
    std::unique_ptr<TemporaryPostgres> m_postgres;
    StoreLocation m_location;
    QString m_skipReason;
};

// A test run against each backend (TEST_P over Backend), with a fresh store open in `database`;
// skipped with the reason when the backend is not there. Fixtures that add to SetUp() call this
// one first and stop when it skipped or failed.
class StoreTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override;

    std::unique_ptr<TemporaryStore> store;
    std::unique_ptr<Database> database;
};

// The first column of the first row of a query, for assertions.
[[nodiscard]] QVariant scalar(Database &database, const QString &sql, const QVariantList &values = {});

} // namespace Mostrador::Testing
