#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server customer export --db PATH --customer ID [--output FILE.zip]
// mostrador-server customer forget --db PATH --customer ID --yes
int runCustomerCommand(const QStringList &arguments);

} // namespace Mostrador
