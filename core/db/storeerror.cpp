#include "storeerror.h"

namespace Mostrador {

namespace {

QString messageFor(StoreError::Kind kind)
{
    switch (kind) {
    case StoreError::Kind::None:
        return {};
    case StoreError::Kind::CannotOpen:
        return StoreError::tr("Mostrador could not open its database. Check that the folder exists "
                              "and that you may write to it.");
    case StoreError::Kind::ReadOnly:
        return StoreError::tr("Mostrador's database cannot be written (the file or its folder is read-only). "
                              "Nothing already saved was lost; fix the permissions and restart.");
    case StoreError::Kind::DiskFull:
        return StoreError::tr("The disk is full, so new messages cannot be saved. Nothing already saved "
                              "was lost; free some space and Mostrador will continue.");
    case StoreError::Kind::Corrupt:
        return StoreError::tr("Mostrador's database is damaged. Restore the latest backup "
                              "(mostrador-server restore) before going on.");
    case StoreError::Kind::TooNew:
        return StoreError::tr("This database was written by a newer version of Mostrador. "
                              "Update Mostrador to open it; it has not been changed.");
    case StoreError::Kind::ServerFirst:
        return StoreError::tr("This Mostrador is newer than the team's mostrador-server. Update mostrador-server "
                              "first (it brings the team's database up to date), then open Mostrador again. "
                              "Nothing was changed.");
    case StoreError::Kind::Busy:
        return StoreError::tr("The database is in use by another program and did not become free in time.");
    case StoreError::Kind::NotAllowed:
        return StoreError::tr("Your access to the shop's database does not allow this. Ask the shop's owner if you need it.");
    case StoreError::Kind::Query:
        return StoreError::tr("The database refused an operation. Nothing already saved was lost.");
    }
    return {};
}

} // namespace

StoreError StoreError::make(Kind kind, const QString &detail)
{
    return StoreError{kind, messageFor(kind), detail};
}

StoreError StoreError::fromSql(const QSqlError &error, const QString &context)
{
    const QString text = error.text();
    const QString code = error.nativeErrorCode();
    const QString detail = context + QStringLiteral(": ") + text;
    // PostgreSQL's SQLSTATEs first: they are numbers too, and would read as SQLite codes.
    // 42501: insufficient privilege (an agent's role, or row-level security); 53100: disk full.
    if (code == QLatin1String("42501"))
        return make(Kind::NotAllowed, detail);
    if (code == QLatin1String("53100"))
        return make(Kind::DiskFull, detail);
    // SQLite's primary result codes: 13 FULL, 8 READONLY, 11 CORRUPT, 26 NOTADB, 5 BUSY, 14 CANTOPEN.
    const int primary = code.toInt() & 0xff;
    if (primary == 13 || text.contains(QLatin1String("database or disk is full")))
        return make(Kind::DiskFull, detail);
    if (primary == 8 || text.contains(QLatin1String("readonly")) || text.contains(QLatin1String("read-only")))
        return make(Kind::ReadOnly, detail);
    if (primary == 11 || primary == 26 || text.contains(QLatin1String("malformed"))
        || text.contains(QLatin1String("not a database")))
        return make(Kind::Corrupt, detail);
    if (primary == 5 || primary == 6)
        return make(Kind::Busy, detail);
    if (primary == 14)
        return make(Kind::CannotOpen, detail);
    return make(Kind::Query, detail);
}

} // namespace Mostrador
