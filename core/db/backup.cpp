#include "backup.h"

#include "common/privatefiles.h"

#include "common/clock.h"
#include "db/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryFile>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcBackup, "mostrador.backup")

namespace {

const QRegularExpression kBackupName(QStringLiteral("^mostrador-(\\d{8}-\\d{6})\\.db$"));

StoreError checkFile(const QString &path)
{
    StoreError error;
    StoreLocation location = StoreLocation::parse(path);
    location.readOnly = true;
    auto database = Database::open(location, &error);
    return database ? StoreError() : error;
}

} // namespace

StoreError Backup::copyTo(Database &database, const QString &path, WhenCopyExists whenExists)
{
    QString partial;
    {
        QTemporaryFile reserved(path + QStringLiteral(".XXXXXX.partial")); // created for its owner only
        reserved.setAutoRemove(false);
        if (!reserved.open())
            return StoreError::make(StoreError::Kind::CannotOpen, QStringLiteral("cannot create a file beside %1").arg(path));
        partial = reserved.fileName();
    }
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(partial);
    if (!query.exec()) {
        const StoreError error = StoreError::fromSql(query.lastError(), QStringLiteral("VACUUM INTO"));
        QFile::remove(partial);
        return error;
    }
    PrivateFiles::secureFile(partial);
    if (whenExists == WhenCopyExists::Replace)
        QFile::remove(path);
    if (QFile::rename(partial, path)) // never replaces: a file at `path` makes it fail
        return {};
    QFile::remove(partial);
    if (whenExists == WhenCopyExists::KeepTheFirst && QFileInfo::exists(path))
        return {};
    return StoreError::make(StoreError::Kind::Query, QStringLiteral("cannot rename the copy to %1").arg(path));
}

QString Backup::create(Database &database, const QString &folder, int keep, const QDateTime &now, StoreError *error)
{
    if (!database.dialect().isSqlite()) {
        *error = StoreError::make(StoreError::Kind::Query,
                                  QStringLiteral("PostgreSQL stores are backed up with the server's own tools (pg_dump)"));
        return {};
    }
    if (!PrivateFiles::secureFolder(folder)) {
        *error = StoreError::make(StoreError::Kind::CannotOpen, QStringLiteral("cannot create %1").arg(folder));
        return {};
    }
    const QString path = QDir(folder).filePath(
        QStringLiteral("mostrador-%1.db").arg(now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    if (StoreError copied = copyTo(database, path); copied.isError()) {
        *error = copied;
        return {};
    }
    const QStringList existing = list(folder);
    for (qsizetype i = keep; i < existing.size(); ++i)
        QFile::remove(existing.at(i));
    qCInfo(lcBackup) << "backed up the store to" << path;
    return path;
}

QStringList Backup::list(const QString &folder)
{
    QStringList files;
    const QDir dir(folder);
    const QStringList names = dir.entryList({QStringLiteral("mostrador-*.db")}, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : names) {
        if (kBackupName.match(name).hasMatch())
            files << dir.filePath(name);
    }
    return files;
}

StoreError Backup::restore(const QString &backupFile, const QString &storePath)
{
    if (!QFileInfo::exists(backupFile))
        return StoreError::make(StoreError::Kind::CannotOpen, QStringLiteral("no backup at %1").arg(backupFile));
    if (StoreError problem = checkFile(backupFile); problem.isError())
        return problem;

    const QString incoming = storePath + QStringLiteral(".restoring");
    QFile::remove(incoming);
    if (!QFile::copy(backupFile, incoming))
        return StoreError::make(StoreError::Kind::CannotOpen, QStringLiteral("cannot copy %1").arg(backupFile));
    if (QFileInfo::exists(storePath)) {
        const QString kept = storePath + QStringLiteral(".before-restore");
        QFile::remove(kept);
        if (!QFile::rename(storePath, kept)) {
            QFile::remove(incoming);
            return StoreError::make(StoreError::Kind::ReadOnly, QStringLiteral("cannot move %1 aside").arg(storePath));
        }
    }
    // The old store's write-ahead log belongs to the old file, not to the restored one.
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(storePath + QLatin1String(suffix));
    if (!QFile::rename(incoming, storePath))
        return StoreError::make(StoreError::Kind::ReadOnly, QStringLiteral("cannot put the backup in place"));
    return {};
}

BackupScheduler::BackupScheduler(Database &database, QString folder, int keep, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_folder(std::move(folder))
    , m_keep(keep)
    , m_clock(clock)
{
    m_timer.setInterval(3600 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &BackupScheduler::runIfDue);
}

void BackupScheduler::start()
{
    m_timer.start();
    runIfDue();
}

void BackupScheduler::runIfDue()
{
    const QStringList existing = Backup::list(m_folder);
    if (!existing.isEmpty()) {
        const QString stamp = kBackupName.match(QFileInfo(existing.first()).fileName()).captured(1);
        QDateTime newest = QDateTime::fromString(stamp, QStringLiteral("yyyyMMdd-HHmmss"));
        newest.setTimeSpec(Qt::UTC);
        if (newest.isValid() && newest.secsTo(m_clock.now()) < 24 * 3600)
            return;
    }
    StoreError error;
    const QString path = Backup::create(m_database, m_folder, m_keep, m_clock.now(), &error);
    if (path.isEmpty())
        Q_EMIT failed(error);
    else
        Q_EMIT backedUp(path);
}

} // namespace Mostrador
