#pragma once

#include "db/storeerror.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace Mostrador {

class Clock;
class Database;

// Copies of the store, because it is the shop's only record. A backup is a consistent,
// compacted copy made with VACUUM INTO while the store stays in use; the newest `keep` are kept.
namespace Backup {

// What copyTo does when `path` already exists when its copy is ready.
enum class WhenCopyExists { Replace, KeepTheFirst };

// A consistent copy of an SQLite store at `path`, readable by its owner only; written beside it
// under a name of its own first and renamed, so `path` is either a whole copy or untouched, and
// two programs copying at once never write the same file. With KeepTheFirst, a copy another
// program finished first stays and this one is dropped.
StoreError copyTo(Database &database, const QString &path, WhenCopyExists whenExists = WhenCopyExists::Replace);

// Writes "mostrador-YYYYMMDD-HHMMSS.db" into `folder` and prunes older ones beyond `keep`.
// Returns the new file's path, or an empty string with `error` set.
QString create(Database &database, const QString &folder, int keep, const QDateTime &now, StoreError *error);

// The backups in `folder`, newest first.
[[nodiscard]] QStringList list(const QString &folder);

// Puts `backupFile` in place of the store at `storePath` (which must not be open): the backup is
// checked first, the current file is kept beside it as "<name>.before-restore", and the swap is
// a rename, so a failure halfway leaves the old store as it was.
StoreError restore(const QString &backupFile, const QString &storePath);

} // namespace Backup

// Makes a backup when the newest is a day old, checked hourly and at start.
class BackupScheduler final : public QObject
{
    Q_OBJECT

public:
    BackupScheduler(Database &database, QString folder, int keep, const Clock &clock, QObject *parent = nullptr);

    void start();
    // Backs up now if the newest backup is older than a day (or there is none).
    void runIfDue();

Q_SIGNALS:
    void backedUp(const QString &path);
    void failed(const Mostrador::StoreError &error);

private:
    Database &m_database;
    QString m_folder;
    int m_keep;
    const Clock &m_clock;
    QTimer m_timer;
};

} // namespace Mostrador
