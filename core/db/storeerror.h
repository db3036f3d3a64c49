#pragma once

#include <QCoreApplication>
#include <QSqlError>
#include <QString>

namespace Mostrador {

// A store failure, with a sentence for the user and the database's own words for the log.
struct [[nodiscard]] StoreError {
    Q_DECLARE_TR_FUNCTIONS(StoreError)

public:
    enum class Kind {
        None,
        CannotOpen,     // missing folder, no permission
        ReadOnly,       // the file or its folder cannot be written
        DiskFull,
        Corrupt,        // quick_check failed or the file is not a database
        TooNew,         // written by a newer Mostrador
        ServerFirst,    // team mode: the team's store is older than this desktop; the server moves it forward
        Busy,           // another program holds the lock for too long
        NotAllowed,     // team mode: this person's database role may not do it
        Query,          // anything else the database refused
    };

    Kind kind = Kind::None;
    QString userMessage;
    QString detail;

    // Asked explicitly: a StoreError does not convert to bool, so `if (!save())` cannot be
    // misread as "if saving failed".
    [[nodiscard]] bool isError() const { return kind != Kind::None; }

    // Classifies what the driver said (SQLite's SQLITE_FULL, SQLITE_READONLY, ...).
    [[nodiscard]] static StoreError fromSql(const QSqlError &error, const QString &context);
    [[nodiscard]] static StoreError make(Kind kind, const QString &detail);
};

} // namespace Mostrador
