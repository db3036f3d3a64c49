#pragma once

#include <QString>

namespace Mostrador::PrivateFiles {

// A shop's customers' names, numbers, conversations and files are readable by the user who runs
// Mostrador and nobody else on the PC. These create or repair that: on Linux files 0600 and
// folders 0700 (privatefiles_unix.cpp); on Windows a protected access list with one entry, full
// control for the user running Mostrador, which a folder hands down to what it holds
// (privatefiles_windows.cpp).

// Makes `folder` (creating it when missing) readable only by its owner. False when it cannot.
bool secureFolder(const QString &folder);
// Makes an existing file readable and writable only by its owner. False when it cannot.
bool secureFile(const QString &path);
// Creates an empty file readable only by its owner, so what is written into it (a new
// database, its journal) never exists with wider rights; an existing file is repaired instead.
bool createPrivately(const QString &path);
// True when `path` exists and nobody but its owner (the user running Mostrador) may read it.
[[nodiscard]] bool isOwnersAlone(const QString &path);

} // namespace Mostrador::PrivateFiles
