#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server backup --db PATH [--to FOLDER] [--keep N]
int runBackupCommand(const QStringList &arguments);

// mostrador-server restore --db PATH --from FILE  (with the service stopped)
int runRestoreCommand(const QStringList &arguments);

// Where backups go when not told: a "backups" folder beside the database file.
[[nodiscard]] QString defaultBackupFolder(const QString &databasePath);

} // namespace Mostrador
