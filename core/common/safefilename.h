#pragma once

#include <QString>

namespace Mostrador::SafeFileName {

// A file's name read from a file a person loads (a chat export, a quick-reply file, a catalog
// spreadsheet) is untrusted text: it may hold control characters, NUL bytes, direction marks,
// folders ("../../"), or be thousands of characters long. Such a name reached Qt's MIME
// matching in a crafted export and crashed it. Every such name goes through clean() before any
// library or file-system call.

struct Cleaned
{
    QString name;    // safe to hand to QMimeDatabase, QFile, QDir; empty when nothing usable is left
    QString problem; // what was wrong, in the reader's words; empty when the name was clean
};

// The last path component only, without control characters (C0, DEL, C1), NUL, unpaired
// surrogates, non-characters, direction and zero-width marks, trailing dots and spaces (which
// Windows drops), at most kMostBytes bytes of UTF-8 with its extension kept.
[[nodiscard]] Cleaned clean(const QString &name);

// The same, keeping folders below the place the name is read from: "fotos/lampara.jpg" stays,
// "../secret.jpg" and absolute paths lose their folders.
[[nodiscard]] Cleaned cleanRelativePath(const QString &path);

inline constexpr qsizetype kMostBytes = 200;

} // namespace Mostrador::SafeFileName
