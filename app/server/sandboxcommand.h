#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server sandbox --listen HOST:PORT --webhook URL [--pace N] [--quiet-customers]
int runSandboxCommand(const QStringList &arguments);

} // namespace Mostrador
