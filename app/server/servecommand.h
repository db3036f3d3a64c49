#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server serve --db PATH --listen HOST:PORT
// Receives webhooks into the store until SIGTERM, then finishes the request in hand and exits.
int runServeCommand(const QStringList &arguments);

} // namespace Mostrador
