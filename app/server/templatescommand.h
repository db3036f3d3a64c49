#pragma once

#include <QStringList>

namespace Mostrador {

// mostrador-server templates list | delete NAME | create --name NAME --lang CODE --category C --body TEXT …
// The number's templates from a terminal: listed with their review, checked against Meta's rules
// before they are submitted, deleted with what that means.
int runTemplatesCommand(const QStringList &arguments);

} // namespace Mostrador
