// Runs the real `mostrador-server` executable.
#include "processrunner.h"

#include <mostrador/version.h>

#include <gtest/gtest.h>

using namespace Mostrador;
using Mostrador::Testing::runExecutable;

TEST(ServerCommandLine, VersionPrintsTheVersion)
{
    const auto outcome = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("--version")});
    ASSERT_TRUE(outcome.started);
    EXPECT_EQ(outcome.exitCode, 0);
    EXPECT_TRUE(outcome.standardOutput.contains(kVersion)) << outcome.standardOutput.constData();
}

TEST(ServerCommandLine, WithoutACommandItExplainsAndFails)
{
    const auto outcome = runExecutable(QStringLiteral("mostrador-server"), {});
    EXPECT_EQ(outcome.exitCode, 2);
    EXPECT_TRUE(outcome.standardError.contains("serve")) << outcome.standardError.constData();
}

TEST(ServerCommandLine, UnknownCommandIsAClearError)
{
    const auto outcome = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("frobnicate")});
    EXPECT_EQ(outcome.exitCode, 2);
    EXPECT_TRUE(outcome.standardError.contains("frobnicate")) << outcome.standardError.constData();
}
