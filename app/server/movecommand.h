#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server move-to-postgres --from FILE --to URL: the shop's SQLite store copied into
// a new PostgreSQL database for team mode, with a progress bar and the rows counted on both
// sides at the end.
int runMoveToPostgresCommand(const QStringList &arguments);

} // namespace Mostrador
