#pragma once

#include <QByteArray>
#include <QString>

namespace Mostrador {

// Files kept by what they hold: named by their SHA-256 (and the type's usual suffix) in one
// folder, so a photo sent or received many times is stored once, readable only by this user.
namespace ContentFiles {

struct Kept {
    QString path;   // empty when it could not be written; `problem` says why
    QString sha256; // hex
    QString problem;
};

[[nodiscard]] Kept keep(const QString &folder, const QByteArray &data, const QString &mimeType);

} // namespace ContentFiles

} // namespace Mostrador
