#include "dependencies.h"

#include <QString>

#include <sqlite3.h>

namespace Mostrador {

QList<Dependency> runtimeDependencies()
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only"),
         QStringLiteral("https://www.qt.io/")},
        {QStringLiteral("QtKeychain"), QStringLiteral(MOSTRADOR_QTKEYCHAIN_VERSION), QStringLiteral("BSD-3-Clause"),
         QStringLiteral("https://github.com/frankosterfeld/qtkeychain")},
        {QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()), QStringLiteral("blessing"),
         QStringLiteral("https://sqlite.org/")},
        {QStringLiteral("libphonenumber"), QString(), QStringLiteral("Apache-2.0"),
         QStringLiteral("https://github.com/google/libphonenumber")},
        {QStringLiteral("PostgreSQL libpq"), QString(), QStringLiteral("PostgreSQL"),
         QStringLiteral("https://www.postgresql.org/")},
    };
}

} // namespace Mostrador
