#pragma once

#include <QList>
#include <QString>

namespace Mostrador {

// A third-party component Mostrador ships with or links against, for the About dialog and
// the package metadata.
struct Dependency {
    QString name;
    QString version;
    QString licence; // SPDX identifier
    QString url;
};

[[nodiscard]] QList<Dependency> runtimeDependencies();

} // namespace Mostrador
