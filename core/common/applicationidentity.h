#pragma once

namespace Mostrador {

// Names the application for QSettings and QStandardPaths. Both executables and the tests call
// it before touching settings, so they all read and write the same places.
void setApplicationIdentity();

} // namespace Mostrador
