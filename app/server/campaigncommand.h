#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server campaign --db PATH --name NAME --template NAME --lang CODE
//     (--label NAME | --customers FILE.csv) [--param V...] [--per-second N] [--at TIME] [--dry-run]
// Prints the audience, who is left out and why, and the estimate; without --dry-run sends it
// (or goes on with it: a campaign is known by its name) and prints the results.
int runCampaignCommand(const QStringList &arguments);

} // namespace Mostrador
