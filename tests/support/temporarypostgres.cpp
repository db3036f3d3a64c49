#include "temporarypostgres.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace Mostrador::Testing {

namespace {

QSqlDatabase connect(const QUrl &url, const QString &database, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(database);
    db.open();
    return db;
}

} // namespace

TemporaryPostgres::TemporaryPostgres()
    : m_serverUrl(qEnvironmentVariable("MOSTRADOR_TEST_POSTGRES_URL"))
{
    if (m_serverUrl.isEmpty()) {
        m_skipReason = QStringLiteral("no PostgreSQL for this run: MOSTRADOR_TEST_POSTGRES_URL is not set "
                                      "(scripts/test starts one and sets it)");
        return;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        m_skipReason = QStringLiteral("Qt's PostgreSQL driver is missing (Debian package libqt6sql6-psql)");
        return;
    }

    const QUrl server(m_serverUrl);
    m_databaseName = QStringLiteral("mostrador_test_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString admin = QStringLiteral("temporary-postgres-admin");
    {
        QSqlDatabase db = connect(server, server.path().mid(1), admin);
        if (!db.isOpen()) {
            m_skipReason = QStringLiteral("cannot reach the test PostgreSQL: ") + db.lastError().text();
        } else {
            QSqlQuery create(db);
            if (!create.exec(QStringLiteral("CREATE DATABASE ") + m_databaseName))
                m_skipReason = QStringLiteral("cannot create a test database: ") + create.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(admin);

    QUrl url = server;
    url.setPath(QLatin1Char('/') + m_databaseName);
    m_url = url.toString();
}

TemporaryPostgres::~TemporaryPostgres()
{
    if (!isAvailable())
        return;
    const QUrl server(m_serverUrl);
    const QString admin = QStringLiteral("temporary-postgres-admin");
    {
        QSqlDatabase db = connect(server, server.path().mid(1), admin);
        QSqlQuery drop(db);
        drop.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_databaseName + QStringLiteral(" WITH (FORCE)"));
    }
    QSqlDatabase::removeDatabase(admin);
}

QSqlDatabase TemporaryPostgres::open(const QString &connectionName) const
{
    return connect(QUrl(m_url), m_databaseName, connectionName);
}

} // namespace Mostrador::Testing
