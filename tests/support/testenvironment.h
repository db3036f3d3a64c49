#pragma once

#include <QDir>
#include <QString>

namespace Mostrador::Testing {

// Points HOME at a fresh directory for this test process and switches QStandardPaths to test
// mode, so no test reads or writes the real user's settings, data or keychain entries.
// Called by the test main before the application object exists.
void isolateUserDirectories();

// The process's private home (see isolateUserDirectories()).
[[nodiscard]] QDir testHome();

// The folder shared/ beside the project checkout (Cloud API fixtures and spec), or an empty
// string when it is absent: tests that need it skip with a message.
[[nodiscard]] QString sharedDirectory();

// The project's own source tree (for material kept beside the tests).
[[nodiscard]] QString sourceDirectory();
// The directory holding the built executables (mostrador, mostrador-server).
[[nodiscard]] QString binaryDirectory();

} // namespace Mostrador::Testing
