#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server team add-agent --db URL --name NAME
// mostrador-server team remove-agent --db URL --name NAME
int runTeamCommand(const QStringList &arguments);

} // namespace Mostrador
