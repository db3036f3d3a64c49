#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server import-chat --db PATH --me NAME [--phone NUMBER] [--tz ZONE] FILE...: chats
// exported from the phone brought into the store, with the summary printed.
int runImportChatCommand(const QStringList &arguments);

} // namespace Mostrador
