#pragma once

#include "db/sqldialect.h"
#include "db/storeerror.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QVariant>
#include <QString>

#include <memory>

namespace Mostrador {

class StatementCache;

// Where the store lives: a SQLite file (the default) or a PostgreSQL server (team mode).
struct StoreLocation {
    SqlDialect dialect;
    QString sqlitePath;      // for SQLite
    QString host;            // for PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;
    // TLS to PostgreSQL: "prefer" (encrypted when the server offers it) unless the address says
    // otherwise (?sslmode=require|verify-ca|verify-full, with ?sslrootcert=FILE for the last two).
    QString sslMode = QStringLiteral("prefer");
    QString sslRootCert;
    bool readOnly = false;   // open without write access (viewers, checks)
    // quick_check on open. The desktop defers it (IntegrityCheck, off the UI thread) so a large
    // store does not delay the first window; the server and the tools check before starting.
    bool checkOnOpen = true;
    // The schema version opening brings the store to; 0 is this build's latest. Tests make
    // stores as older builds left them, to upgrade them as a shop's PC would.
    int migrateUpTo = 0;
    // False for a team desktop: a shared store is moved forward by mostrador-server only, so a
    // desktop updated first never leaves the server behind a store it cannot read.
    bool mayMigrate = true;

    // "postgres://user:pass@host:port/db" or "postgresql://…" for PostgreSQL; anything else is a
    // SQLite file path.
    [[nodiscard]] static StoreLocation parse(const QString &text);
    [[nodiscard]] QString describe() const; // for messages; never contains the password
    // The address to give someone who connects as `user` with `password` (team add-agent).
    [[nodiscard]] QString addressFor(const QString &user, const QString &password) const;
};

// One open connection to the store, checked and migrated. Every part of the store works
// through one of these; the object owns its Qt connection name.
class Database final
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens, checks (quick_check on SQLite) and brings the schema up to date. On failure returns
    // nullptr and fills `error`.
    [[nodiscard]] static std::unique_ptr<Database> open(const StoreLocation &location, StoreError *error);

    [[nodiscard]] QSqlDatabase &connection() { return m_db; }
    [[nodiscard]] const SqlDialect &dialect() const { return m_location.dialect; }
    [[nodiscard]] const StoreLocation &location() const { return m_location; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }

    // Runs one statement that returns nothing; turns a failure into a StoreError.
    StoreError exec(const QString &sql);
    // The same with values bound in order; `what` names it in the error.
    StoreError exec(const QString &sql, const QVariantList &values, const char *what);

    // Whether the server still answers (a team desktop asks now and then), and a fresh
    // connection once it did not. SQLite files are always reachable.
    [[nodiscard]] bool isReachable();
    StoreError reconnect();
    // Closes the connection (every statement prepared on it is dropped first, so none outlives
    // it); reads and writes fail until reconnect(). What a lost server looks like, on any store.
    void disconnect();

    // Transactions. commit() reports the failure (full disk...) instead of hiding it.
    StoreError begin();
    StoreError commit();
    void rollback();

private:
    friend class StatementCache; // registers itself so its statements go before the connection
    explicit Database(StoreLocation location);
    StoreError configure();
    StoreError execWaitingForLock(const QString &sql);
    StoreError checkIntegrity();

    StoreLocation m_location;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
    QList<StatementCache *> m_statementCaches;
};

} // namespace Mostrador
