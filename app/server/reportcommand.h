#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server report --db PATH [--from DATE] [--to DATE] [--tz ZONE] [--format json|csv]
//                         [--rate-card FILE]
int runReportCommand(const QStringList &arguments);

} // namespace Mostrador
