#include "common/dependencies.h"

#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;

TEST(Dependencies, NamesEveryShippedComponentWithItsLicence)
{
    const QList<Dependency> dependencies = runtimeDependencies();
    QStringList names;
    for (const Dependency &dependency : dependencies) {
        names << dependency.name;
        EXPECT_FALSE(dependency.licence.isEmpty()) << qPrintable(dependency.name);
        EXPECT_TRUE(dependency.url.startsWith(QLatin1String("https://"))) << qPrintable(dependency.name);
    }
    EXPECT_TRUE(names.contains(QLatin1String("Qt")));
    EXPECT_TRUE(names.contains(QLatin1String("QtKeychain")));
    EXPECT_TRUE(names.contains(QLatin1String("SQLite")));
}

TEST(Dependencies, ReportsTheRunningQtAndSqliteVersions)
{
    for (const Dependency &dependency : runtimeDependencies()) {
        if (dependency.name == QLatin1String("Qt")) {
            EXPECT_EQ(dependency.version, QString::fromLatin1(qVersion()));
        }
        if (dependency.name == QLatin1String("SQLite")) {
            EXPECT_TRUE(dependency.version.startsWith(QLatin1String("3."))) << qPrintable(dependency.version);
        }
    }
}
