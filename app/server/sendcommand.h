#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server send --db PATH --to ID (--text T | --template NAME --lang CODE [--param V ...])
// Stores the message, sends it, prints the wamid or the classified error.
int runSendCommand(const QStringList &arguments);

} // namespace Mostrador
