#pragma once

#include <QString>

namespace Mostrador::PrivateFiles {

// A shop's customers' names, numbers, conversations and files are readable by the user who runs
// Mostrador and nobody else on the PC: files 0600, folders 0700. These create or repair that.

// Makes `folder` (creating it when missing) readable only by its owner. False when it cannot.
bool secureFolder(const QString &folder);
// Makes an existing file readable and writable only by its owner. False when it cannot.
bool secureFile(const QString &path);
// Creates an empty file readable only by its owner, so what is written into it (a new
// database, its journal) never exists with wider rights; an existing file is repaired instead.
bool createPrivately(const QString &path);

} // namespace Mostrador::PrivateFiles
