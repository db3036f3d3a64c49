#pragma once

#include <QString>

namespace Mostrador {

// Names the application for QSettings and QStandardPaths. Both executables and the tests call
// it before touching settings, so they all read and write the same places.
void setApplicationIdentity();

// Who is doing something the store keeps a name for (an undone import, a promotion sent past a
// customer's no): the team member's sign-in when there is one, else this computer's user.
[[nodiscard]] QString personActing(const QString &signedInAs = {});

} // namespace Mostrador
