#include "database.h"

#include "common/privatefiles.h"

#include "db/schema.h"
#include "db/statementcache.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QDeadlineTimer>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcStore, "mostrador.store")

StoreLocation StoreLocation::parse(const QString &text)
{
    StoreLocation location;
    if (text.startsWith(QLatin1String("postgres://")) || text.startsWith(QLatin1String("postgresql://"))) {
        const QUrl url(text);
        location.dialect = SqlDialect::postgres();
        location.host = url.host();
        location.port = url.port(5432);
        location.user = url.userName();
        location.password = url.password();
        location.databaseName = url.path().mid(1);
        const QUrlQuery query(url);
        if (query.hasQueryItem(QStringLiteral("sslmode")))
            location.sslMode = query.queryItemValue(QStringLiteral("sslmode"));
        location.sslRootCert = query.queryItemValue(QStringLiteral("sslrootcert"), QUrl::FullyDecoded);
        return location;
    }
    location.dialect = SqlDialect::sqlite();
    location.sqlitePath = text;
    return location;
}

QString StoreLocation::describe() const
{
    if (dialect.isSqlite())
        return QDir::toNativeSeparators(sqlitePath);
    return QStringLiteral("postgres://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

QString StoreLocation::addressFor(const QString &someone, const QString &theirPassword) const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgres"));
    url.setUserName(someone);
    url.setPassword(theirPassword);
    url.setHost(host);
    url.setPort(port);
    url.setPath(u'/' + databaseName);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslRootCert);
    url.setQuery(query);
    return url.toString();
}

Database::Database(StoreLocation location)
    : m_location(std::move(location))
    , m_connectionName(QStringLiteral("mostrador-store-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

Database::~Database()
{
    disconnect();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<Database> Database::open(const StoreLocation &location, StoreError *error)
{
    std::unique_ptr<Database> database(new Database(location));
    const auto fail = [&](StoreError problem) -> std::unique_ptr<Database> {
        qCWarning(lcStore) << "cannot open the store" << location.describe() << problem.detail;
        if (error)
            *error = std::move(problem);
        return nullptr;
    };

    QSqlDatabase &db = database->m_db;
    db = QSqlDatabase::addDatabase(location.dialect.driverName(), database->m_connectionName);
    if (!db.isValid())
        return fail(StoreError::make(StoreError::Kind::CannotOpen,
                                     QStringLiteral("the Qt SQL driver %1 is not installed").arg(location.dialect.driverName())));

    if (location.dialect.isSqlite()) {
        const QFileInfo file(location.sqlitePath);
        if (!file.dir().exists())
            return fail(StoreError::make(StoreError::Kind::CannotOpen,
                                         QStringLiteral("folder %1 does not exist").arg(file.dir().path())));
        // The shop's customers are private: the store and its journal are the owner's alone
        // (SQLite gives the journal the store's rights); an older store is repaired here.
        if (!location.readOnly) {
            PrivateFiles::createPrivately(location.sqlitePath);
            for (const char *suffix : {"-wal", "-shm"})
                PrivateFiles::secureFile(location.sqlitePath + QLatin1String(suffix));
        }
        db.setDatabaseName(location.sqlitePath);
        db.setConnectOptions(location.readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                                               : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db.setHostName(location.host);
        db.setPort(location.port);
        db.setUserName(location.user);
        db.setPassword(location.password);
        db.setDatabaseName(location.databaseName);
        QString options = QStringLiteral("sslmode=") + location.sslMode;
        if (!location.sslRootCert.isEmpty())
            options += QStringLiteral(";sslrootcert=") + location.sslRootCert;
        db.setConnectOptions(options);
    }
    if (!db.open())
        return fail(StoreError::fromSql(db.lastError(), QStringLiteral("open")));

    if (StoreError problem = database->configure(); problem.isError())
        return fail(problem);
    // On Windows a journal SQLite creates takes its rights from the folder, not from the store:
    // the ones the opening just made are the owner's alone too.
    if (location.dialect.isSqlite() && !location.readOnly) {
        for (const char *suffix : {"-wal", "-shm"}) {
            if (const QString journal = location.sqlitePath + QLatin1String(suffix); QFileInfo::exists(journal))
                PrivateFiles::secureFile(journal);
        }
    }
    if (location.checkOnOpen) {
        if (StoreError problem = database->checkIntegrity(); problem.isError())
            return fail(problem);
    }

    int version = 0;
    const int upTo = location.migrateUpTo > 0 ? location.migrateUpTo : Schema::latestVersion();
    if (StoreError problem = Schema::migrate(*database, &version, upTo); problem.isError())
        return fail(problem);
    database->m_schemaVersion = version;
    return database;
}

bool Database::isReachable()
{
    QSqlQuery probe(m_db);
    return probe.exec(QStringLiteral("SELECT 1"));
}

void Database::disconnect()
{
    // A statement SQLite still holds keeps it from closing: the handle would leak and the
    // statement would point at a closed connection.
    for (StatementCache *cache : std::as_const(m_statementCaches))
        cache->clear();
    m_db.close();
}

StoreError Database::reconnect()
{
    disconnect();
    if (!m_db.open())
        return StoreError::fromSql(m_db.lastError(), QStringLiteral("reconnect"));
    return configure();
}

StoreError Database::configure()
{
    if (!dialect().isSqlite()) {
        // The server's notices ("… does not exist, skipping") are not for the shop's terminal.
        if (StoreError error = exec(QStringLiteral("SET client_min_messages = warning")); error.isError())
            return error;
        return exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    }

    // WAL lets the UI read while the receiver writes; FULL makes every acknowledged commit
    // survive a power cut, because the store is the shop's only copy of its history.
    const QList<const char *> pragmas = m_location.readOnly
        ? QList<const char *>{"PRAGMA busy_timeout=5000", "PRAGMA foreign_keys=ON"}
        : QList<const char *>{"PRAGMA busy_timeout=5000", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                              "PRAGMA foreign_keys=ON"};
    for (const char *pragma : pragmas) {
        if (StoreError error = execWaitingForLock(QLatin1String(pragma)); error.isError())
            return error;
    }
    return {};
}

// Switching a new store to WAL needs it to itself, and SQLite answers "locked" at once, without
// its busy timeout, when another program is opening it at the same moment: tried again for as
// long as the busy timeout would have waited.
StoreError Database::execWaitingForLock(const QString &sql)
{
    QDeadlineTimer deadline(5000);
    for (;;) {
        QSqlQuery query(m_db);
        if (query.exec(sql))
            return {};
        const StoreError error = StoreError::fromSql(query.lastError(), sql);
        if (error.kind != StoreError::Kind::Busy || deadline.hasExpired())
            return error;
        QThread::msleep(20);
    }
}

StoreError Database::checkIntegrity()
{
    if (!dialect().isSqlite())
        return {};
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check")))
        return StoreError::fromSql(query.lastError(), QStringLiteral("quick_check"));
    if (!query.next() || query.value(0).toString() != QLatin1String("ok")) {
        const QString report = query.isValid() ? query.value(0).toString() : QStringLiteral("no answer");
        return StoreError::make(StoreError::Kind::Corrupt, QStringLiteral("quick_check: ") + report);
    }
    return {};
}

StoreError Database::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return StoreError::fromSql(query.lastError(), sql.left(80));
    return {};
}

StoreError Database::exec(const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery query(m_db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QLatin1String(what));
    return {};
}

StoreError Database::begin()
{
    // IMMEDIATE takes SQLite's write lock up front, so the busy timeout applies; a deferred
    // transaction that reads first and writes later fails at once when another writer got in.
    return exec(dialect().isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
}

StoreError Database::commit()
{
    if (StoreError error = exec(QStringLiteral("COMMIT")); error.isError()) {
        rollback();
        return error;
    }
    return {};
}

void Database::rollback()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

} // namespace Mostrador
