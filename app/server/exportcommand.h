#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server export --db PATH [--format jsonl|csv] [--output FILE]
int runExportCommand(const QStringList &arguments);

} // namespace Mostrador
