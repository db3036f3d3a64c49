// A walk through the daily screen as a shop owner meets it: the real desktop app with its demo,
// on a real X display with a window manager (tests/ui-walk/run.sh starts Xvfb and openbox at
// 1366×768 and 1024×600), clicked and typed into, with a screenshot of the whole screen after
// every step. It asserts what a person would check by eye: the window fits the screen, each
// mistake is said where they look, the highlighted row is the open conversation after the list
// changed under the pointer, and the customer panel folds away on a netbook.
//
// MOSTRADOR_WALK_LANGUAGE (es|en) and MOSTRADOR_WALK_SHOTS (a folder) come from run.sh.

#include "desktopapplication.h"
#include "fixtures.h"
#include "demosession.h"
#include "composer/composer.h"
#include "i18n/languagecontroller.h"
#include "inbox/conversationlistmodel.h"
#include "mainwindow/mainwindow.h"
#include "messaging/servicewindow.h"
#include "sandbox/sandboxserver.h"
#include "services/shopservices.h"
#include "campaigns/campaignstore.h"
#include "campaigns/consentstore.h"
#include "import/importrecordstore.h"
#include "inbox/shopeditstore.h"
#include "thread/threadpane.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

QString language()
{
    const QString chosen = qEnvironmentVariable("MOSTRADOR_WALK_LANGUAGE");
    return chosen.isEmpty() ? QStringLiteral("es") : chosen;
}

class UiWalk : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            GTEST_SKIP() << "the walk needs a real X display (tests/ui-walk/run.sh starts one)";
        languages.apply(language());
        DesktopOptions options;
        options.demo = true;
        options.language = language();
        app = std::make_unique<DesktopApplication>(options, languages);
        ASSERT_TRUE(app->start());
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *found = qobject_cast<MainWindow *>(widget))
                window = found;
        }
        ASSERT_NE(window, nullptr);
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
        list = window->findChild<QListView *>(QStringLiteral("conversationList"));
        if (list)
            listTopAtFirstPaint = list->mapTo(window, QPoint(0, 0)).y();
        thread = window->findChild<ThreadPane *>();
        ASSERT_NE(list, nullptr);
        ASSERT_NE(thread, nullptr);
        ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() >= 5; }, 10000));
        // The demo sends a campaign at start: the walk begins once it went out and its ticks came.
        ASSERT_TRUE(QTest::qWaitFor([&] {
            StoreError error;
            const QList<Campaign> campaigns = CampaignStore(app->demo()->shop().database()).all(&error);
            return !campaigns.isEmpty() && campaigns.first().state == CampaignState::Finished;
        }, 30000)) << "the demo's campaign did not finish";
        QTest::qWait(1500); // the window manager settles the frame; the last ticks arrive
    }

    void TearDown() override
    {
        app.reset();
    }

    // The whole screen, as a person sees it: NN-step.png in the shots folder.
    void shot(const QString &step)
    {
        QTest::qWait(250);
        const QString folder = qEnvironmentVariable("MOSTRADOR_WALK_SHOTS");
        if (folder.isEmpty())
            return;
        QDir().mkpath(folder);
        const QString name = QStringLiteral("%1/%2-%3.png").arg(folder).arg(++m_step, 2, 10, QLatin1Char('0')).arg(step);
        EXPECT_TRUE(QGuiApplication::primaryScreen()->grabWindow(0).save(name)) << qPrintable(name);
    }

    template<typename T>
    T *find(const char *name) const
    {
        auto *found = window->findChild<T *>(QLatin1String(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    void openRow(int row)
    {
        const QRect rect = list->visualRect(list->model()->index(row, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        ASSERT_TRUE(QTest::qWaitFor([&] {
            return thread->conversation() == list->model()->index(row, 0).data(ConversationListModel::IdRole).toLongLong();
        }, 3000));
    }

    // The row of the `nth` conversation (from 0) whose 24-hour window is open: one the shop may write to.
    [[nodiscard]] int openWindowRow(int nth) const
    {
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const auto state = ServiceWindow::State(list->model()->index(row, 0).data(ConversationListModel::WindowStateRole).toInt());
            if (state == ServiceWindow::State::Open && nth-- == 0)
                return row;
        }
        return 0;
    }

    [[nodiscard]] qint64 highlighted() const
    {
        return list->currentIndex().isValid() ? list->currentIndex().data(ConversationListModel::IdRole).toLongLong() : 0;
    }

    LanguageController languages;
    std::unique_ptr<DesktopApplication> app;
    MainWindow *window = nullptr;
    QListView *list = nullptr;
    ThreadPane *thread = nullptr;
    int listTopAtFirstPaint = -1;
    int m_step = 0;
};

} // namespace

TEST_F(UiWalk, TheDailyScreenFitsSaysEveryMistakeAndHoldsStill)
{
    // 1. The first window fits the screen the shop has.
    const QRect available = window->screen()->availableGeometry();
    EXPECT_TRUE(available.contains(window->frameGeometry()))
        << "window " << window->frameGeometry().width() << "×" << window->frameGeometry().height() << " on a screen of "
        << available.width() << "×" << available.height();
    auto *send = find<QPushButton>("sendButton");
    // The figures strip above the list came after the first paint; the list did not move for it.
    auto *strip = find<QWidget>("ReportStrip");
    ASSERT_TRUE(QTest::qWaitFor([&] { return strip->accessibleName().contains(QRegularExpression(QStringLiteral("\\d"))); }, 10000))
        << "the strip's figures never came";
    EXPECT_EQ(list->mapTo(window, QPoint(0, 0)).y(), listTopAtFirstPaint) << "the list moved down when the figures came";
    shot(QStringLiteral("inbox"));

    // 2. A conversation opens; its row is the highlighted one; Send is on the screen.
    openRow(openWindowRow(1));
    EXPECT_EQ(highlighted(), thread->conversation());
    EXPECT_TRUE(available.contains(QRect(send->mapToGlobal(QPoint(0, 0)), send->size()))) << "Send is below the screen's edge";
    // On a netbook the customer panel has folded away; Ctrl+I brings it back, and again folds it.
    auto *splitter = find<QSplitter>("mainSplitter");
    QWidget *customer = splitter->widget(2);
    if (window->width() < MainWindow::kFoldCustomerBelow) {
        EXPECT_FALSE(customer->isVisible());
        QTest::keyClick(window, Qt::Key_I, Qt::ControlModifier);
        QTest::qWait(300);
        EXPECT_TRUE(available.contains(window->frameGeometry())) << "the customer panel made the window taller than the screen";
        EXPECT_TRUE(customer->isVisible());
        shot(QStringLiteral("customer-panel-unfolded"));
        QTest::keyClick(window, Qt::Key_I, Qt::ControlModifier);
        QTest::qWait(300);
        EXPECT_FALSE(customer->isVisible());
    } else {
        EXPECT_TRUE(customer->isVisible());
    }
    shot(QStringLiteral("thread"));

    // 3. A program file: refused before any upload, said in the band at the top until dismissed.
    QTemporaryDir folder;
    const QString program = folder.filePath(QStringLiteral("factura.exe"));
    ASSERT_TRUE(writeFile(program, QByteArray("MZ\x90\x00", 4) + QByteArray(4000, '\0')));
    auto *composer = find<Composer>("composer");
    Q_EMIT composer->attachFile(program, QString());
    auto *notice = find<QLabel>("noticeText");
    ASSERT_TRUE(QTest::qWaitFor([&] { return notice->isVisible(); }, 3000));
    EXPECT_TRUE(notice->text().contains(QLatin1String("factura.exe"))) << qPrintable(notice->text());
    EXPECT_TRUE(available.contains(QRect(notice->mapToGlobal(QPoint(0, 0)), notice->size())));
    shot(QStringLiteral("error-banner"));
    QTest::mouseClick(find<QAbstractButton>("dismissNotice"), Qt::LeftButton);
    EXPECT_FALSE(notice->isVisible());

    // 4. Past WhatsApp's 4,096 characters: a counter, the reason, and the offer to split.
    auto *editor = find<QPlainTextEdit>("composerText");
    editor->setFocus();
    editor->setPlainText(QString(4200, QLatin1Char('a')));
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_EQ(editor->toPlainText().size(), 4200) << "nothing was sent";
    EXPECT_TRUE(find<QWidget>("messageLength")->isVisible());
    EXPECT_TRUE(find<QLabel>("messageLengthText")->text().contains(QLocale().toString(4096)))
        << qPrintable(find<QLabel>("messageLengthText")->text());
    EXPECT_TRUE(find<QPushButton>("sendAsSeveral")->isVisible());
    shot(QStringLiteral("too-long"));
    editor->clear();

    // 5. A mistyped quick reply is not sent: it is named, and a second Enter would send it.
    QTest::keyClicks(editor, QStringLiteral("/descuentazo"));
    QTest::keyClick(editor, Qt::Key_Return);
    auto *unknown = find<QLabel>("unknownQuickReply");
    EXPECT_TRUE(unknown->isVisible());
    EXPECT_TRUE(unknown->text().contains(QLatin1String("/descuentazo"))) << qPrintable(unknown->text());
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("/descuentazo"));
    shot(QStringLiteral("unknown-quick-reply"));
    editor->clear();

    // 6. A customer writes while the pointer rests on the list: rows stay where they are, the
    //    highlight stays on the open conversation, "N new ↑" says what waits.
    openRow(openWindowRow(3));
    const qint64 open = thread->conversation();
    // The writer: the customer lowest in the list that the sandbox plays.
    QStringList played;
    for (const SandboxServer::Customer &someone : app->demo()->sandbox().customers())
        played << someone.waId;
    QString writer;
    for (int row = list->model()->rowCount() - 1; row > 0 && writer.isEmpty(); --row) {
        const QString phone = list->model()->index(row, 0).data(ConversationListModel::PhoneRole).toString()
                                  .remove(QRegularExpression(QStringLiteral("[^0-9]")));
        if (played.contains(phone))
            writer = phone;
    }
    ASSERT_FALSE(writer.isEmpty());
    const QPoint onTheList = list->visualRect(list->model()->index(0, 0)).center();
    QTest::mouseMove(list->viewport(), onTheList);
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->viewport()->underMouse(); }, 2000));
    QStringList before;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        before << list->model()->index(row, 0).data(ConversationListModel::CustomerNameRole).toString();
    app->demo()->sandbox().customerSends(writer, QStringLiteral("text"),
                                         {{QStringLiteral("body"), QStringLiteral("¿Me lo guardáis hasta el sábado?")}});
    auto *held = find<QPushButton>("inboxHeldChanges");
    ASSERT_TRUE(QTest::qWaitFor([&] { return held->isVisible(); }, 5000)) << "the list moved under the pointer";
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::CustomerNameRole).toString(), before.first());
    EXPECT_EQ(highlighted(), open);
    shot(QStringLiteral("list-held"));

    // The pointer leaves: the list re-sorts, the writer on top, the highlight still on the open one.
    QTest::mouseMove(editor, editor->rect().center());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !held->isVisible(); }, 5000));
    EXPECT_NE(list->model()->index(0, 0).data(ConversationListModel::CustomerNameRole).toString(), before.first());
    EXPECT_EQ(highlighted(), open);
    EXPECT_EQ(thread->conversation(), open);
    shot(QStringLiteral("list-resorted"));

    // 7. A customer who said no to promotions, whose window has closed: the templates offered
    //    start with one that is not a promotion; a promotion chosen says why it is not sent, and
    //    "Send anyway…" asks first (answered "Don't send" here: nothing leaves).
    int closedRow = -1;
    for (int row = 0; row < list->model()->rowCount() && closedRow < 0; ++row) {
        if (ServiceWindow::State(list->model()->index(row, 0).data(ConversationListModel::WindowStateRole).toInt())
            == ServiceWindow::State::Closed)
            closedRow = row;
    }
    ASSERT_GE(closedRow, 0) << "the demo has a conversation whose window closed";
    const qint64 closed = list->model()->index(closedRow, 0).data(ConversationListModel::IdRole).toLongLong();
    Database &store = app->demo()->shop().database();
    StoreError error;
    const auto customerOfClosed = ShopEditStore(store).customerOf(closed, &error);
    ASSERT_TRUE(customerOfClosed.has_value()) << error.detail.toStdString();
    ASSERT_FALSE(ConsentStore(store).customerSaysNo(customerOfClosed->id, QStringLiteral("message: BAJA"),
                                                    QDateTime::currentDateTimeUtc()).isError());
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        if (list->model()->index(row, 0).data(ConversationListModel::IdRole).toLongLong() == closed)
            openRow(row);
    }
    ASSERT_EQ(thread->conversation(), closed);
    auto *picker = find<QComboBox>("templatePicker");
    ASSERT_TRUE(QTest::qWaitFor([&] { return picker->isVisible() && picker->count() > 0; }, 5000));
    const QString offeredFirst = picker->currentData().toString();
    EXPECT_NE(offeredFirst, QStringLiteral("novedades_hogar/es")) << "a promotion offered first to someone who said no";
    EXPECT_NE(offeredFirst, QStringLiteral("seguimiento_compra/es")) << "a promotion offered first to someone who said no";
    shot(QStringLiteral("said-no-closed-window"));
    const int promotion = picker->findData(QStringLiteral("novedades_hogar/es"));
    ASSERT_GE(promotion, 0);
    picker->setCurrentIndex(promotion);
    auto *refusal = find<QLabel>("templateRefusal");
    EXPECT_TRUE(refusal->isVisible());
    EXPECT_TRUE(refusal->text().contains(QLatin1String("BAJA"))) << qPrintable(refusal->text());
    auto *sendTemplate = find<QPushButton>("sendTemplateButton");
    EXPECT_TRUE(available.contains(QRect(sendTemplate->mapToGlobal(QPoint(0, 0)), sendTemplate->size())))
        << "Send anyway is below the screen's edge";
    EXPECT_TRUE(available.contains(window->frameGeometry())) << "the templates made the window taller than the screen";
    const qsizetype sendsBefore = app->demo()->sandbox().receivedSends().size();
    bool asked = false;
    QTimer::singleShot(500, [&] {
        auto *question = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!question)
            return;
        asked = true;
        shot(QStringLiteral("said-no-asked-first"));
        question->reject();
    });
    QTest::mouseClick(sendTemplate, Qt::LeftButton);
    EXPECT_TRUE(asked) << "a promotion to someone who said no went without a question";
    QTest::qWait(500);
    EXPECT_EQ(app->demo()->sandbox().receivedSends().size(), sendsBefore) << "nothing leaves when the answer is no";

    // 8. A chat imported under the wrong shop name: a typed name that wrote nothing is refused,
    //    naming who wrote; the customer picked as the shop imports, and Undo import takes it out.
    const QString chat = folder.filePath(QStringLiteral("WhatsApp Chat with Andrea Salazar.txt"));
    ASSERT_TRUE(writeFile(chat, "[11/03/2021, 10:00:00] Andrea Salazar: ¿Tienen el jarrón azul?\n"
                                "[11/03/2021, 10:02:00] Tienda Casa Nube: Sí, nos queda uno.\n"
                                "[11/03/2021, 10:03:00] Andrea Salazar: Me lo guardan hasta el sábado\n"));
    Q_EMIT window->chatFilesDropped({chat});
    auto *author = find<QComboBox>("importShopAuthor");
    auto *start = find<QPushButton>("importStart");
    auto *result = find<QLabel>("importResult");
    auto *undo = find<QPushButton>("importUndo");
    author->setCurrentText(QStringLiteral("Tienda"));
    QTest::mouseClick(start, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return result->isVisible(); }, 10000));
    EXPECT_TRUE(result->text().contains(QLatin1String("Tienda Casa Nube"))) << qPrintable(result->text());
    EXPECT_FALSE(undo->isVisible()) << "nothing was imported, nothing to undo";
    shot(QStringLiteral("import-wrong-name-refused"));
    author->setCurrentText(QStringLiteral("Andrea Salazar"));
    QTest::mouseClick(start, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return undo->isVisible(); }, 10000)) << qPrintable(result->text());
    shot(QStringLiteral("import-done-undo-offered"));
    QTest::mouseClick(undo, Qt::LeftButton);
    EXPECT_FALSE(undo->isVisible());
    EXPECT_TRUE(result->text().contains(QLatin1String("3"))) << qPrintable(result->text());
    const auto imports = ImportRecordStore(store).imports();
    ASSERT_FALSE(imports.isError());
    ASSERT_FALSE(imports->isEmpty());
    EXPECT_TRUE(imports->first().isUndone()) << "the store still holds the import";
    shot(QStringLiteral("import-undone"));
    QTest::keyClick(QApplication::activeWindow(), Qt::Key_Escape);
}

// Issue #30.16: View ▸ Language changes the status bar too, which the application wrote in the
// language of its moment.
TEST_F(UiWalk, SwitchingTheLanguageSaysTheStatusBarAgain)
{
    auto *status = find<QLabel>("connectionStatus");
    const bool spanish = language() == QLatin1String("es");
    EXPECT_TRUE(status->text().startsWith(spanish ? QLatin1String("Demo en ") : QLatin1String("Demo on "))) << qPrintable(status->text());
    find<QAction>(spanish ? "languageEnglishAction" : "languageSpanishAction")->trigger();
    QCoreApplication::processEvents();
    EXPECT_TRUE(status->text().startsWith(spanish ? QLatin1String("Demo on ") : QLatin1String("Demo en "))) << qPrintable(status->text());
    find<QAction>(spanish ? "languageSpanishAction" : "languageEnglishAction")->trigger();
    QCoreApplication::processEvents();
    EXPECT_TRUE(status->text().startsWith(spanish ? QLatin1String("Demo en ") : QLatin1String("Demo on "))) << qPrintable(status->text());
}
