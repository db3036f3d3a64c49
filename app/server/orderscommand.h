#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server orders --db PATH [--format csv|jsonl] [--stage STAGE]
int runOrdersCommand(const QStringList &arguments);

} // namespace Mostrador
