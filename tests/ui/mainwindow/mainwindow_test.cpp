#include "mainwindow/aboutdialog.h"
#include "i18n/languagecontroller.h"
#include "mainwindow/mainwindow.h"
#include "widgets/placeholderpane.h"

#include <mostrador/version.h>

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QScreen>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        languages.apply(QStringLiteral("es"));
    }
    void TearDown() override { QSettings().clear(); }

    LanguageController languages;
};

QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles << action->text();
    return titles;
}

} // namespace

TEST_F(MainWindowTest, HasTheThreePanesInOrder)
{
    MainWindow window(languages);
    auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    ASSERT_NE(splitter, nullptr);
    ASSERT_EQ(splitter->count(), 3);
    EXPECT_EQ(splitter->widget(0)->objectName(), QStringLiteral("conversationListPane"));
    EXPECT_EQ(splitter->widget(1)->objectName(), QStringLiteral("threadPane"));
    EXPECT_EQ(splitter->widget(2)->objectName(), QStringLiteral("customerPane"));
}

TEST_F(MainWindowTest, SpeaksSpanishAndSwitchesToEnglishWithoutRestart)
{
    MainWindow window(languages);
    window.show();
    EXPECT_EQ(menuTitles(window), (QStringList{QStringLiteral("&Archivo"), QStringLiteral("&Ver"), QStringLiteral("&Tienda"), QStringLiteral("A&yuda")}));
    auto *list = window.findChild<PlaceholderPane *>(QStringLiteral("conversationListPane"));
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->title(), QStringLiteral("Conversaciones"));

    // The user picks English from the View ▸ Language menu.
    auto *english = window.findChild<QAction *>(QStringLiteral("languageEnglishAction"));
    ASSERT_NE(english, nullptr);
    english->trigger();
    QCoreApplication::processEvents(); // LanguageChange is posted to every window

    EXPECT_EQ(menuTitles(window), (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Shop"), QStringLiteral("&Help")}));
    EXPECT_EQ(list->title(), QStringLiteral("Conversations"));
    EXPECT_TRUE(english->isChecked());
    EXPECT_EQ(languages.savedChoice(), QStringLiteral("en"));
}

// Issue #30: after `--lang es` (applied, not saved) the menu ticks Spanish, not the system's.
TEST_F(MainWindowTest, TheLanguageMenuTicksTheLanguageThisRunFollows)
{
    MainWindow window(languages);
    EXPECT_TRUE(window.findChild<QAction *>(QStringLiteral("languageSpanishAction"))->isChecked());
    EXPECT_FALSE(window.findChild<QAction *>(QStringLiteral("languageSystemAction"))->isChecked());
    EXPECT_TRUE(languages.savedChoice().isEmpty()) << "--lang is for this run only";
}

TEST_F(MainWindowTest, StatusBarSaysWhetherWeAreConnected)
{
    MainWindow window(languages);
    auto *status = window.findChild<QLabel *>(QStringLiteral("connectionStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().contains(QStringLiteral("no está conectado"))) << qPrintable(status->text());
    window.setConnectionDescription(QStringLiteral("Demo"));
    EXPECT_EQ(status->text(), QStringLiteral("Demo"));
}

TEST_F(MainWindowTest, GeometryAndSplitterSurviveARestart)
{
    QList<int> savedSizes;
    {
        MainWindow window(languages);
        window.show();
        window.showNormal(); // the first window opens maximised on the test's small screen: the user un-maximises it
        window.resize(1111, 700);
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        splitter->setSizes({400, 500, 200});
        QCoreApplication::processEvents();
        savedSizes = splitter->sizes();
        window.close();
    }
    MainWindow restarted(languages);
    restarted.show();
    QCoreApplication::processEvents();
    EXPECT_EQ(restarted.size().width(), 1111);
    EXPECT_EQ(restarted.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), savedSizes);
}

// The first window never opens bigger than the screen: on a small one (the test's screen is
// 800×800, smaller than a laptop's) it opens maximised, inside the space the desktop leaves.
TEST_F(MainWindowTest, TheFirstWindowFitsTheScreen)
{
    MainWindow window(languages);
    window.show();
    QCoreApplication::processEvents();
    const QRect available = window.screen()->availableGeometry();
    EXPECT_TRUE(window.isMaximized());
    EXPECT_LE(window.width(), available.width());
    EXPECT_LE(window.height(), available.height());
}

TEST_F(MainWindowTest, AboutDialogShowsVersionAndLicences)
{
    AboutDialog dialog;
    auto *version = dialog.findChild<QLabel *>(QStringLiteral("aboutVersion"));
    ASSERT_NE(version, nullptr);
    EXPECT_TRUE(version->text().contains(QLatin1String(kVersion)));
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("aboutDependencies"));
    ASSERT_NE(table, nullptr);
    ASSERT_GE(table->rowCount(), 3);
    QStringList licences;
    for (int row = 0; row < table->rowCount(); ++row)
        licences << table->item(row, 2)->text();
    EXPECT_TRUE(licences.contains(QStringLiteral("LGPL-3.0-only")));
    EXPECT_TRUE(licences.contains(QStringLiteral("BSD-3-Clause")));
}

TEST_F(MainWindowTest, HelpMenuOpensTheAboutDialog)
{
    MainWindow window(languages);
    window.show();
    bool sawDialog = false;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = window.findChild<AboutDialog *>(QStringLiteral("aboutDialog"));
        sawDialog = dialog && dialog->isVisible();
        if (dialog)
            dialog->reject();
    });
    window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    EXPECT_TRUE(sawDialog);
}

TEST_F(MainWindowTest, HelpListsTheKeyboardShortcuts)
{
    MainWindow window(languages);
    window.show();
    int rows = 0;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = window.findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
        if (dialog) {
            rows = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"))->rowCount();
            dialog->reject();
        }
    });
    window.findChild<QAction *>(QStringLiteral("shortcutsAction"))->trigger();
    EXPECT_GE(rows, 6);
}

TEST_F(MainWindowTest, DarkAppearanceCanBeChosenAndIsRemembered)
{
    MainWindow window(languages);
    const QColor before = QApplication::palette().color(QPalette::Window);
    window.findChild<QAction *>(QStringLiteral("appearance_dark"))->trigger();
    EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 80);
    EXPECT_EQ(QSettings().value(QStringLiteral("interface/appearance")).toString(), QStringLiteral("dark"));
    window.findChild<QAction *>(QStringLiteral("appearance_system"))->trigger();
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), before);
}

TEST_F(MainWindowTest, OnANarrowWindowTheCustomerPanelFoldsAwayAndComesBackWhenAsked)
{
    MainWindow window(languages);
    window.setWindowState(Qt::WindowNoState);
    window.resize(1366, 740);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QAction *details = window.customerDetailsAction();
    ASSERT_TRUE(QTest::qWaitFor([&] { return splitter->widget(2)->isVisible(); }, 2000));

    // A netbook's 1024 pixels: the thread keeps the width, the panel folds away.
    window.resize(1024, 560);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !splitter->widget(2)->isVisible(); }, 2000));
    EXPECT_FALSE(details->isChecked());
    EXPECT_TRUE(QTest::qWaitFor([&] { return splitter->widget(1)->width() >= 560; }, 2000))
        << "thread " << splitter->widget(1)->width() << ", list " << splitter->widget(0)->width();

    // Ctrl+I brings it back beside the conversation, and again folds it.
    QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
    EXPECT_TRUE(splitter->widget(2)->isVisible());
    QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
    EXPECT_FALSE(splitter->widget(2)->isVisible());

    // Wide again: it returns by itself.
    window.resize(1366, 740);
    ASSERT_TRUE(QTest::qWaitFor([&] { return splitter->widget(2)->isVisible(); }, 2000));
    EXPECT_TRUE(details->isChecked());
}
