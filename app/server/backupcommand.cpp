#include "backupcommand.h"

#include "commandsupport.h"
#include "db/backup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

namespace Mostrador {

QString defaultBackupFolder(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/backups");
}

int runBackupCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ServerCommandLine",
        "Writes a consistent copy of the database (safe while the service runs) and keeps the newest ones."));
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("ServerCommandLine", "The database file."), QStringLiteral("path"));
    const QCommandLineOption toOption(QStringLiteral("to"), QCoreApplication::translate("ServerCommandLine", "The folder for backups (default: backups beside the database)."), QStringLiteral("folder"));
    const QCommandLineOption keepOption(QStringLiteral("keep"), QCoreApplication::translate("ServerCommandLine", "How many backups to keep."), QStringLiteral("n"), QStringLiteral("7"));
    parser.addOptions({dbOption, toOption, keepOption});
    process(parser, QStringLiteral("backup"), arguments);

    bool keepOk = false;
    const int keep = parser.value(keepOption).toInt(&keepOk);
    QStringList problems;
    if (!parser.isSet(dbOption))
        problems << QCoreApplication::translate("ServerCommandLine", "--db is required.");
    if (!keepOk || keep < 1)
        problems << QCoreApplication::translate("ServerCommandLine", "--keep must be a whole number of at least 1.");
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), true);
    if (!database)
        return kFailure;
    StoreError error;
    const QString folder = parser.isSet(toOption) ? parser.value(toOption) : defaultBackupFolder(parser.value(dbOption));
    const QString path = Backup::create(*database, folder, keep, QDateTime::currentDateTimeUtc(), &error);
    if (path.isEmpty()) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: the backup failed: %1").arg(error.detail));
        return kFailure;
    }
    printOut(path);
    return 0;
}

int runRestoreCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ServerCommandLine",
        "Puts a backup in place of the database. Stop the service first; the current file is kept as .before-restore."));
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("ServerCommandLine", "The database file."), QStringLiteral("path"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QCoreApplication::translate("ServerCommandLine", "The backup file to restore."), QStringLiteral("file"));
    parser.addOptions({dbOption, fromOption});
    process(parser, QStringLiteral("restore"), arguments);

    QStringList problems;
    if (!parser.isSet(dbOption))
        problems << QCoreApplication::translate("ServerCommandLine", "--db is required.");
    if (!parser.isSet(fromOption))
        problems << QCoreApplication::translate("ServerCommandLine", "--from is required: which backup to restore.");
    if (!problems.isEmpty())
        return configurationError(problems);

    if (const StoreError error = Backup::restore(parser.value(fromOption), parser.value(dbOption)); error.isError()) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: nothing was changed: %1").arg(error.userMessage.isEmpty() ? error.detail : error.userMessage));
        printError(error.detail);
        return kFailure;
    }
    printOut(QCoreApplication::translate("ServerCommandLine", "Restored %1 from %2.").arg(parser.value(dbOption), parser.value(fromOption)));
    return 0;
}

} // namespace Mostrador
