// Runs the real `mostrador` executable as a shop owner (or a script) would.
#include "processrunner.h"

#include <mostrador/version.h>

#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using Mostrador::Testing::runExecutable;

TEST(DesktopCommandLine, VersionPrintsTheVersion)
{
    const auto outcome = runExecutable(QStringLiteral("mostrador"), {QStringLiteral("--version")});
    ASSERT_TRUE(outcome.started);
    EXPECT_EQ(outcome.exitCode, 0);
    EXPECT_TRUE(outcome.standardOutput.contains(kVersion)) << outcome.standardOutput.constData();
}

TEST(DesktopCommandLine, VersionAndHelpNeedNoScreen)
{
    // The desktop platform plugin with no display to talk to: a window would abort here.
    QProcessEnvironment noScreen;
    noScreen.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    noScreen.insert(QStringLiteral("DISPLAY"), QString());
    const auto version = runExecutable(QStringLiteral("mostrador"), {QStringLiteral("--version")}, noScreen);
    EXPECT_EQ(version.exitCode, 0) << version.standardError.constData();
    EXPECT_TRUE(version.standardOutput.contains(kVersion));
    const auto help = runExecutable(QStringLiteral("mostrador"), {QStringLiteral("--help")}, noScreen);
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.standardOutput.contains("--demo"));
}

TEST(DesktopCommandLine, HelpSpeaksTheForcedLanguage)
{
    const auto spanish = runExecutable(QStringLiteral("mostrador"), {QStringLiteral("--lang"), QStringLiteral("es"),
                                                                     QStringLiteral("--help")});
    EXPECT_EQ(spanish.exitCode, 0);
    EXPECT_TRUE(spanish.standardOutput.contains("--screenshot")) << spanish.standardOutput.constData();
    EXPECT_TRUE(QString::fromUtf8(spanish.standardOutput).contains(QStringLiteral("clientes simulados")))
        << spanish.standardOutput.constData();
    EXPECT_FALSE(spanish.standardOutput.contains("Displays help")) << "Qt's English line in the Spanish help";
    // Every window --show opens is listed (the README lists the same).
    for (const char *window : {"new-campaign", "template-editor", "new-order", "first-run"})
        EXPECT_TRUE(spanish.standardOutput.contains(window)) << window;

    const auto english = runExecutable(QStringLiteral("mostrador"), {QStringLiteral("--lang=en"), QStringLiteral("--help")});
    EXPECT_EQ(english.exitCode, 0);
    EXPECT_TRUE(english.standardOutput.contains("simulated customers")) << english.standardOutput.constData();
}

TEST(DesktopCommandLine, UnknownLanguageIsAClearError)
{
    const auto outcome = runExecutable(QStringLiteral("mostrador"), {QStringLiteral("--lang"), QStringLiteral("fr")});
    EXPECT_EQ(outcome.exitCode, 2);
    EXPECT_TRUE(outcome.standardError.contains("fr")) << outcome.standardError.constData();
}

TEST(DesktopCommandLine, ScreenshotSavesTheWindowAndExits)
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("shell.png"));
    const auto outcome = runExecutable(QStringLiteral("mostrador"),
                                       {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"), path});
    ASSERT_TRUE(outcome.finishedInTime);
    EXPECT_EQ(outcome.exitCode, 0) << outcome.standardError.constData();
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    // The whole window, which on the offscreen platform's 800×800 screen opens maximised: it
    // fills the screen and is no bigger than it.
    EXPECT_GE(image.width(), 780);
    EXPECT_LE(image.width(), 800);
    EXPECT_GE(image.height(), 500);
    EXPECT_LE(image.height(), 800);
}

TEST(DesktopCommandLine, ScreenshotCombinesWithDemo)
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("demo.png"));
    const auto outcome = runExecutable(QStringLiteral("mostrador"),
                                       {QStringLiteral("--demo"), QStringLiteral("--screenshot"), path});
    EXPECT_EQ(outcome.exitCode, 0) << outcome.standardError.constData();
    EXPECT_FALSE(QImage(path).isNull());
}

TEST(DesktopCommandLine, ScreenshotToAnUnwritablePlaceFailsClearly)
{
    const auto outcome = runExecutable(QStringLiteral("mostrador"),
                                       {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"),
                                        QStringLiteral("/nonexistent-folder/shot.png")});
    EXPECT_EQ(outcome.exitCode, 1);
    EXPECT_TRUE(outcome.standardError.contains("Could not save the screenshot")) << outcome.standardError.constData();
}
