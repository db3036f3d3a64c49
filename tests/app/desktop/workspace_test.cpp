// The shop's screen driven as a person would: click a conversation, type, press Enter, watch
// the ticks; when the 24-hour window closes, the composer offers templates instead.
#include "workspacetest.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QMessageBox>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

TEST_F(WorkspaceTest, ModelsPassTheModelTester)
{
    customerWrites(QStringLiteral("Hola"));
    auto *list = find<QListView>("conversationList");
    QAbstractItemModelTester conversations(list->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester thread(messages(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    customerWrites(QStringLiteral("¿Sigue disponible?"));
    list->setCurrentIndex(list->model()->index(0, 0));
    customerWrites(QStringLiteral("Gracias"));
    EXPECT_EQ(messages()->rowCount(), 3);
}

TEST_F(WorkspaceTest, OpenAConversationReplyAndSeeTheTicksAdvance)
{
    customerWrites(QStringLiteral("¿Tenéis la lámpara Nube en blanco?"));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 1; }, 3000));
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Lucía Gómez"));

    // Click the conversation.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
    ASSERT_EQ(messages()->rowCount(), 1);
    EXPECT_EQ(messages()->index(0).data(MessageListModel::TextRole).toString(), QStringLiteral("¿Tenéis la lámpara Nube en blanco?"));

    // Type the answer and press Enter.
    auto *editor = find<QPlainTextEdit>("composerText");
    ASSERT_TRUE(editor->isVisible());
    editor->setFocus();
    // QTest types ASCII only; accents are covered by the store and search tests.
    QTest::keyClicks(editor, QStringLiteral("Si, nos quedan dos."));
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_TRUE(editor->toPlainText().isEmpty());

    // It shows at once, pending, and its ticks move on to read.
    ASSERT_EQ(messages()->rowCount(), 2);
    const QModelIndex reply = messages()->index(1);
    EXPECT_EQ(reply.data(MessageListModel::TextRole).toString(), QStringLiteral("Si, nos quedan dos."));
    EXPECT_EQ(reply.data(MessageListModel::DirectionRole).value<Direction>(), Direction::Outbound);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return messages()->index(1).data(MessageListModel::StatusRole).value<DeliveryStatus>() == DeliveryStatus::Read;
    }, 5000)) << int(messages()->index(1).data(MessageListModel::StatusRole).value<DeliveryStatus>());

    // Shift+Enter makes a new line instead of sending.
    QTest::keyClicks(editor, QStringLiteral("Uno"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(editor, QStringLiteral("Dos"));
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("Uno\nDos"));
    EXPECT_EQ(messages()->rowCount(), 2);
}

TEST_F(WorkspaceTest, AClosedWindowOffersTemplatesAndNoFreeText)
{
    customerWrites(QStringLiteral("Gracias, luego os digo"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *editor = find<QPlainTextEdit>("composerText");
    ASSERT_TRUE(editor->isVisible());

    // A day and a bit later the window has closed.
    loop.clock.advance(25 * 3600);
    auto *picker = find<QComboBox>("templatePicker");
    // The tracker's timer would fire at the closing time; the test clock jumped, so ask it now.
    workspace->evaluateWindows();
    ASSERT_TRUE(QTest::qWaitFor([&] { return picker->isVisible(); }, 3000));
    EXPECT_FALSE(editor->isVisible());
    EXPECT_TRUE(find<QLabel>("composerNotice")->text().contains(QLatin1String("24 hours")));
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::WindowStateRole).value<ServiceWindow::State>(),
              ServiceWindow::State::Closed);

    // Templates arrived from the API: the shop's and the customer's language (Spanish) first,
    // Meta's hello_world not offered, each named as people read it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return picker->count() > 0; }, 3000));
    EXPECT_EQ(picker->itemData(0).toString().section(QLatin1Char('/'), 1), QStringLiteral("es"));
    EXPECT_LT(picker->findData(QStringLiteral("order_ready/en")), picker->count());
    EXPECT_GT(picker->findData(QStringLiteral("order_ready/en")), picker->findData(QStringLiteral("pedido_listo/es")));
    EXPECT_EQ(picker->findData(QStringLiteral("hello_world/en_US")), -1);
    EXPECT_GE(picker->findText(QStringLiteral("Pedido listo · Spanish")), 0) << picker->itemText(0).toStdString();
    const int orderReady = picker->findData(QStringLiteral("pedido_listo/es"));
    ASSERT_GE(orderReady, 0);
    picker->setCurrentIndex(orderReady);
    auto *send = find<QPushButton>("sendTemplateButton");
    EXPECT_FALSE(send->isEnabled()) << "the order number is still empty";
    // "Hola {{1}}": the customer's first name is filled in for the shop.
    EXPECT_EQ(find<QLineEdit>("templateParameter1")->text(), QStringLiteral("Lucía"));
    QTest::keyClicks(find<QLineEdit>("templateParameter2"), QStringLiteral("#1042"));
    EXPECT_TRUE(find<QLabel>("templatePreview")->text().contains(QStringLiteral("Hola Lucía, tu pedido #1042"))) << find<QLabel>("templatePreview")->text().toStdString();
    ASSERT_TRUE(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);

    ASSERT_EQ(messages()->rowCount(), 2);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return messages()->index(1).data(MessageListModel::StatusRole).value<DeliveryStatus>() == DeliveryStatus::Read;
    }, 5000));
    EXPECT_EQ(loop.sandbox->receivedSends().last().value(QLatin1String("type")).toString(), QStringLiteral("template"));
}

TEST_F(WorkspaceTest, OpeningMarksReadAndResolveMovesToTheNextWaiting)
{
    customerWrites(QStringLiteral("Hola"));
    ASSERT_TRUE(loop.sandbox->customerSends(QStringLiteral("34611223344"), QStringLiteral("text"),
                                            {{QStringLiteral("body"), QStringLiteral("¿Abrís el domingo?")}}).size() > 0);
    ASSERT_TRUE(loop.waitForBatches(2));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 2; }, 3000));

    // Open the first: its unread count drops to zero and a read receipt goes to WhatsApp.
    const qint64 first = list->model()->index(0, 0).data(ConversationListModel::IdRole).toLongLong();
    list->setCurrentIndex(list->model()->index(0, 0));
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::UnreadCountRole).toInt(), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return !loop.sandbox->receivedSends().isEmpty()
            && loop.sandbox->receivedSends().last().value(QLatin1String("status")).toString() == QLatin1String("read");
    }, 3000));

    // Ctrl+Enter: resolved, gone from the Open view, and the other conversation is open.
    const QString firstName = list->model()->index(0, 0).data(ConversationListModel::CustomerNameRole).toString();
    QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_EQ(list->model()->rowCount(), 1);
    EXPECT_NE(list->model()->index(0, 0).data(ConversationListModel::IdRole).toLongLong(), first);
    EXPECT_EQ(find<QLabel>("threadTitle")->text(), list->model()->index(0, 0).data(ConversationListModel::CustomerNameRole).toString());
    EXPECT_EQ(loop.value(QStringLiteral("SELECT status FROM conversations WHERE id = ?"), {first}).toString(), QStringLiteral("resolved"));

    // "Resolved: … · Undo": undoing opens it again, and the resolution is taken back.
    auto *toast = find<QWidget>("undoToast");
    ASSERT_TRUE(toast->isVisible());
    EXPECT_EQ(window->undoToast().text(), QStringLiteral("Resolved: ") + firstName);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM conversation_resolutions WHERE conversation_id = ?"), {first}).toInt(), 1);
    QTest::mouseClick(find<QPushButton>("undoButton"), Qt::LeftButton);
    EXPECT_FALSE(toast->isVisible());
    EXPECT_EQ(loop.value(QStringLiteral("SELECT status FROM conversations WHERE id = ?"), {first}).toString(), QStringLiteral("open"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM conversation_resolutions WHERE conversation_id = ?"), {first}).toInt(), 0);
    EXPECT_EQ(find<QLabel>("threadTitle")->text(), firstName);
    ASSERT_EQ(list->model()->rowCount(), 2);
}

TEST_F(WorkspaceTest, TheShopsNameAndNotesForACustomerAreSavedAsYouType)
{
    customerWrites(QStringLiteral("Hola"));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 1; }, 3000));
    list->setCurrentIndex(list->model()->index(0, 0));
    EXPECT_TRUE(find<QLabel>("customerFacts")->text().contains(QLatin1String("+57 300 1112233")));

    auto *name = find<QLineEdit>("customerName");
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("Lucia (Bogota)"));
    auto *notes = find<QPlainTextEdit>("customerNotes");
    notes->setFocus();
    QTest::keyClicks(notes, QStringLiteral("Cra. 15 #93-47, talla M"));
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return loop.value(QStringLiteral("SELECT notes FROM customers")).toString() == QLatin1String("Cra. 15 #93-47, talla M");
    }, 3000));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT display_name FROM customers")).toString(), QStringLiteral("Lucia (Bogota)"));
    // The list shows the shop's name for them.
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Lucia (Bogota)"));
}

TEST_F(WorkspaceTest, SearchFindsAMessageAndJumpsToIt)
{
    customerWrites(QStringLiteral("¿Tenéis la canción de la tienda?"));
    for (int i = 0; i < 3; ++i)
        customerWrites(QStringLiteral("Otro mensaje %1").arg(i));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 1; }, 3000));

    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
    auto *search = find<QLineEdit>("searchBox");
    EXPECT_TRUE(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("CANCION"));
    auto *results = find<QListView>("searchResults");
    QAbstractItemModelTester tester(results->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(QTest::qWaitFor([&] { return results->isVisible() && results->model()->rowCount() == 1; }, 3000));
    EXPECT_TRUE(results->model()->index(0, 0).data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("canción")));

    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(results->model()->index(0, 0)).center());
    auto *thread = find<QListView>("messageList");
    ASSERT_TRUE(thread->currentIndex().isValid());
    EXPECT_EQ(thread->currentIndex().data(MessageListModel::TextRole).toString(), QStringLiteral("¿Tenéis la canción de la tienda?"));

    // Nothing found says so in words.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("zzzqqq"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return find<QLabel>("searchNothingFound")->isVisible(); }, 3000));
    // Clearing brings the conversations back.
    search->clear();
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->isVisible(); }, 3000));
}

TEST_F(WorkspaceTest, UnreadMessagesShowInTheTitleUntilRead)
{
    customerWrites(QStringLiteral("Hola"));
    customerWrites(QStringLiteral("¿Hay alguien?"));
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Mostrador (2 unread)"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Mostrador"));
    EXPECT_TRUE(find<QAction>("notifyAction")->isChecked()) << "notifications are on unless the shop turns them off";
}

TEST_F(WorkspaceTest, AFailedSendOffersRetryAndDiscard)
{
    customerWrites(QStringLiteral("Hola"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    // The window closes behind the app's back: WhatsApp refuses the text with 131047.
    loop.clock.advance(25 * 3600);
    auto *editor = find<QPlainTextEdit>("composerText");
    QTest::keyClicks(editor, QStringLiteral("Sigue en pie?"));
    QTest::keyClick(editor, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return messages()->index(1).data(MessageListModel::StatusRole).value<DeliveryStatus>() == DeliveryStatus::Failed;
    }, 5000));
    EXPECT_EQ(messages()->index(1).data(MessageListModel::ErrorCodeRole).toInt(), 131047);

    auto *thread = window->findChild<ThreadPane *>(QStringLiteral("threadPane"));
    ASSERT_NE(thread, nullptr);
    QList<QAction *> actions = thread->actionsFor(messages()->index(1));
    QStringList names;
    for (QAction *action : actions)
        names << action->objectName();
    EXPECT_EQ(names, (QStringList{QStringLiteral("retryAction"), QStringLiteral("templateInsteadAction"), QStringLiteral("discardAction")}));

    // "Send a template instead" turns the composer into the template picker.
    actions.at(1)->trigger();
    EXPECT_TRUE(find<QComboBox>("templatePicker")->isVisible());
    // Discard keeps it in the history, marked as not sent, with no more actions.
    actions.at(2)->trigger();
    qDeleteAll(actions);
    EXPECT_EQ(messages()->index(1).data(MessageListModel::OutboxStateRole).toString(), QStringLiteral("discarded"));
    EXPECT_EQ(thread->actionsFor(messages()->index(1)).size(), 0);
}

TEST_F(WorkspaceTest, DraftsStayWithTheirConversationAndSurviveARestart)
{
    customerWrites(QStringLiteral("Hola"));
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("34611223344"), QStringLiteral("Buenas")));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 2; }, 3000));
    const qint64 first = list->model()->index(0, 0).data(ConversationListModel::IdRole).toLongLong();
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *editor = find<QPlainTextEdit>("composerText");
    QTest::keyClicks(editor, QStringLiteral("Te escribo en un momento"));
    list->setCurrentIndex(list->model()->index(1, 0));
    EXPECT_TRUE(editor->toPlainText().isEmpty());

    // Restart: a new window and workspace over the same store.
    workspace.reset();
    window = std::make_unique<MainWindow>(languages);
    workspace = std::make_unique<Workspace>(*shop, *window);
    window->show();
    auto *newList = find<QListView>("conversationList");
    auto *model = newList->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ConversationListModel::IdRole).toLongLong() == first)
            newList->setCurrentIndex(model->index(row, 0));
    }
    EXPECT_EQ(find<QPlainTextEdit>("composerText")->toPlainText(), QStringLiteral("Te escribo en un momento"));
}

TEST_F(WorkspaceTest, LabelsAreSeededInTheShopsLanguageAndFilterTheInbox)
{
    customerWrites(QStringLiteral("Quiero dos cojines"));
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("34611223344"), QStringLiteral("¿Abrís el domingo?")));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 2; }, 3000));
    auto *filter = find<QComboBox>("labelFilter");
    ASSERT_EQ(filter->count(), 6);
    EXPECT_EQ(filter->itemText(1), QStringLiteral("New order (0)"));
    EXPECT_EQ(filter->itemText(2), QStringLiteral("Pending payment (0)"));

    // Label the conversation with Lucía from the customer panel.
    int lucia = -1;
    for (int row = 0; row < 2; ++row) {
        if (list->model()->index(row, 0).data(ConversationListModel::CustomerNameRole).toString() == QStringLiteral("Lucía Gómez"))
            lucia = row;
    }
    ASSERT_GE(lucia, 0);
    list->setCurrentIndex(list->model()->index(lucia, 0));
    const qint64 newOrder = filter->itemData(1).toLongLong();
    auto *button = window->findChild<QToolButton *>(QStringLiteral("label_%1").arg(newOrder));
    ASSERT_NE(button, nullptr);
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(filter->itemText(1), QStringLiteral("New order (1)"));
    const int row = qobject_cast<ConversationListModel *>(list->model())->rowOf(
        list->currentIndex().data(ConversationListModel::IdRole).toLongLong());
    EXPECT_EQ(list->model()->index(row, 0).data(ConversationListModel::LabelColorsRole).toStringList(), (QStringList{QStringLiteral("#3b82c4")}));

    // Filter by the label: only her conversation is left.
    filter->setCurrentIndex(1);
    ASSERT_EQ(list->model()->rowCount(), 1);
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Lucía Gómez"));
    filter->setCurrentIndex(0);
    EXPECT_EQ(list->model()->rowCount(), 2);
}

TEST_F(WorkspaceTest, RepliesAdsAndLocationsReadClearlyInTheThread)
{
    const QString adWamid = loop.sandbox->customerSends(
        kCustomer, QStringLiteral("text"), {{QStringLiteral("body"), QStringLiteral("Vi el anuncio de los cojines")}},
        {{QStringLiteral("source_type"), QStringLiteral("ad")}, {QStringLiteral("headline"), QStringLiteral("Rebajas de textiles")}});
    ASSERT_TRUE(loop.waitForBatches(1));
    loop.sandbox->customerSends(kCustomer, QStringLiteral("location"),
                                {{QStringLiteral("latitude"), 4.6533}, {QStringLiteral("longitude"), -74.0836},
                                 {QStringLiteral("name"), QStringLiteral("Casa")}});
    ASSERT_TRUE(loop.waitForBatches(2));
    loop.sandbox->customerSends(kCustomer, QStringLiteral("text"), {{QStringLiteral("body"), QStringLiteral("¿Los tenéis en mostaza?")}},
                                {}, adWamid);
    ASSERT_TRUE(loop.waitForBatches(3));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 1; }, 3000));
    list->setCurrentIndex(list->model()->index(0, 0));
    ASSERT_EQ(messages()->rowCount(), 3);
    EXPECT_EQ(messages()->index(0).data(MessageListModel::ReferralRole).toString(), QStringLiteral("Rebajas de textiles"));
    const QUrl map = messages()->index(1).data(MessageListModel::MapUrlRole).toUrl();
    EXPECT_TRUE(map.toString().contains(QLatin1String("mlat=4.653300"))) << map.toString().toStdString();
    EXPECT_EQ(messages()->index(2).data(MessageListModel::QuotedTextRole).toString(), QStringLiteral("Vi el anuncio de los cojines"));
    if (qEnvironmentVariableIsSet("MOSTRADOR_TEST_SCREENSHOTS")) {
        QTest::qWait(300);
        window->grab().save(qEnvironmentVariable("MOSTRADOR_TEST_SCREENSHOTS") + QStringLiteral("/thread.png"));
    }
}

TEST_F(WorkspaceTest, TheStatusCanBeSetFromTheThread)
{
    customerWrites(QStringLiteral("Lo pienso y te digo"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *status = find<QComboBox>("conversationStatus");
    EXPECT_EQ(status->currentData().toString(), QStringLiteral("open"));
    status->setCurrentIndex(1);
    Q_EMIT status->activated(1);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT status FROM conversations")).toString(), QStringLiteral("pending"));
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::StatusRole).toString(), QStringLiteral("pending"));
}

TEST_F(WorkspaceTest, ReplyingQuotesTheCustomersMessage)
{
    customerWrites(QStringLiteral("¿Cuánto cuesta el envío?"));
    customerWrites(QStringLiteral("Y otra cosa"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *thread = window->findChild<ThreadPane *>(QStringLiteral("threadPane"));
    const QModelIndex question = messages()->index(0);
    QList<QAction *> actions = thread->actionsFor(question);
    ASSERT_FALSE(actions.isEmpty());
    ASSERT_EQ(actions.first()->objectName(), QStringLiteral("replyAction"));
    actions.first()->trigger();
    qDeleteAll(actions);
    EXPECT_TRUE(find<QWidget>("replyBanner")->isVisible());
    EXPECT_TRUE(find<QLabel>("replyText")->text().contains(QStringLiteral("¿Cuánto cuesta el envío?")));

    auto *editor = find<QPlainTextEdit>("composerText");
    QTest::keyClicks(editor, QStringLiteral("5 euros"));
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_FALSE(find<QWidget>("replyBanner")->isVisible());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !loop.sandbox->receivedSends().isEmpty()
        && loop.sandbox->receivedSends().last().contains(QLatin1String("context")); }, 5000));
    EXPECT_EQ(loop.sandbox->receivedSends().last().value(QLatin1String("context")).toObject().value(QLatin1String("message_id")).toString(),
              question.data(MessageListModel::WamidRole).toString());
    // And the thread shows the quote on the reply.
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return messages()->rowCount() == 3
            && messages()->index(2).data(MessageListModel::QuotedTextRole).toString() == QStringLiteral("¿Cuánto cuesta el envío?");
    }, 5000));
    // Clicking the quote shows the quoted message.
    auto *threadList = find<QListView>("messageList");
    auto *delegate = qobject_cast<MessageDelegate *>(threadList->itemDelegate());
    ASSERT_NE(delegate, nullptr);
    Q_EMIT delegate->quoteClicked(messages()->index(2).data(MessageListModel::QuotedWamidRole).toString());
    EXPECT_EQ(threadList->currentIndex().row(), 0);
}

TEST_F(WorkspaceTest, EveryControlHasAnAccessibleName)
{
    customerWrites(QStringLiteral("Hola"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    QStringList unnamed;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QString name = widget->accessibleName();
        if (auto *button = qobject_cast<QAbstractButton *>(widget); button && name.isEmpty())
            name = button->text().remove(QLatin1Char('&'));
        if (name.trimmed().isEmpty())
            unnamed << QStringLiteral("%1 %2").arg(QLatin1String(widget->metaObject()->className()), widget->objectName());
    }
    EXPECT_TRUE(unnamed.isEmpty()) << unnamed.join(QStringLiteral(", ")).toStdString();
}

TEST_F(WorkspaceTest, OpeningAConversationWithUnreadMessagesStartsAtTheFirstOfThem)
{
    customerWrites(QStringLiteral("Primero"));
    customerWrites(QStringLiteral("Segundo"));
    customerWrites(QStringLiteral("Tercero"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *thread = find<QListView>("messageList");
    EXPECT_EQ(thread->currentIndex().data(MessageListModel::TextRole).toString(), QStringLiteral("Primero"));
}

TEST_F(WorkspaceTest, ReactionsShowOnTheMessageTheyAreFor)
{
    customerWrites(QStringLiteral("Hola"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *editor = find<QPlainTextEdit>("composerText");
    QTest::keyClicks(editor, QStringLiteral("Te lo envio hoy"));
    QTest::keyClick(editor, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !messages()->index(1).data(MessageListModel::WamidRole).toString().isEmpty(); }, 5000));
    const QString ours = messages()->index(1).data(MessageListModel::WamidRole).toString();

    loop.sandbox->customerSends(kCustomer, QStringLiteral("reaction"),
                                {{QStringLiteral("message_id"), ours}, {QStringLiteral("emoji"), QStringLiteral("👍")}});
    ASSERT_TRUE(QTest::qWaitFor([&] { return messages()->index(1).data(MessageListModel::ReactionRole).toString() == QStringLiteral("👍"); }, 5000));
    EXPECT_EQ(messages()->rowCount(), 2) << "the reaction is not a message of its own in the thread";
}

TEST_F(WorkspaceTest, EmojiGoIntoTheMessageWhereTheCursorIs)
{
    customerWrites(QStringLiteral("Gracias"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *editor = find<QPlainTextEdit>("composerText");
    QTest::keyClicks(editor, QStringLiteral("A ti "));
    auto *menu = find<QMenu>("emojiMenu");
    ASSERT_GE(menu->actions().size(), 8);
    menu->actions().first()->trigger();
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("A ti 👍"));
}

TEST_F(WorkspaceTest, TheClosingSoonViewShowsOnlyWindowsAboutToClose)
{
    loop.sandbox->addCustomer(QStringLiteral("34655000111"), QStringLiteral("Pilar"));
    loop.sandbox->customerSends(QStringLiteral("34655000111"), QStringLiteral("text"), {{QStringLiteral("body"), QStringLiteral("Ayer pregunté")}},
                                {}, {}, loop.clock.now().addSecs(-23 * 3600));
    ASSERT_TRUE(loop.waitForBatches(1));
    customerWrites(QStringLiteral("Ahora mismo"));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 2; }, 3000));
    auto *views = find<QComboBox>("inboxView");
    views->setCurrentIndex(2);
    EXPECT_EQ(views->currentText(), QStringLiteral("Closing soon"));
    ASSERT_EQ(list->model()->rowCount(), 1);
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Pilar"));
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::WindowStateRole).value<ServiceWindow::State>(),
              ServiceWindow::State::ClosingSoon);
}

TEST_F(WorkspaceTest, SortingByTimeLeftPutsTheWindowClosingFirstOnTop)
{
    const auto writesAt = [&](const QString &phone, const QString &name, int hoursAgo) {
        loop.sandbox->addCustomer(phone, name);
        loop.sandbox->customerSends(phone, QStringLiteral("text"), {{QStringLiteral("body"), QStringLiteral("Hola")}}, {}, {},
                                    loop.clock.now().addSecs(-hoursAgo * 3600));
    };
    writesAt(QStringLiteral("34655000201"), QStringLiteral("Closed yesterday"), 30);
    writesAt(QStringLiteral("34655000202"), QStringLiteral("Two hours ago"), 2);
    writesAt(QStringLiteral("34655000203"), QStringLiteral("Twenty hours ago"), 20);
    ASSERT_TRUE(loop.waitForBatches(3));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 3; }, 3000));
    const auto names = [&] {
        QStringList shown;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            shown << list->model()->index(row, 0).data(ConversationListModel::CustomerNameRole).toString();
        return shown;
    };
    EXPECT_EQ(names(), (QStringList{QStringLiteral("Two hours ago"), QStringLiteral("Twenty hours ago"), QStringLiteral("Closed yesterday")}));

    auto *sort = find<QComboBox>("inboxSort");
    sort->setCurrentIndex(1);
    EXPECT_EQ(sort->currentText(), QStringLiteral("Least time left"));
    EXPECT_EQ(names(), (QStringList{QStringLiteral("Twenty hours ago"), QStringLiteral("Two hours ago")}));

    // A new message gives that customer a fresh 24 hours: they move to the bottom.
    loop.sandbox->customerSends(QStringLiteral("34655000203"), QStringLiteral("text"), {{QStringLiteral("body"), QStringLiteral("¿Sigue ahí?")}});
    ASSERT_TRUE(loop.waitForBatches(4));
    ASSERT_TRUE(QTest::qWaitFor([&] { return names().first() == QStringLiteral("Two hours ago"); }, 3000));
    EXPECT_EQ(names(), (QStringList{QStringLiteral("Two hours ago"), QStringLiteral("Twenty hours ago")}));

    sort->setCurrentIndex(0);
    EXPECT_EQ(names().size(), 3);
}

TEST_F(WorkspaceTest, TypingSlashOffersQuickRepliesAndEnterInsertsOne)
{
    QuickReplyStore store(*loop.database);
    StoreError error;
    ASSERT_TRUE(store.save({0, QStringLiteral("envio"), QStringLiteral("Envío a Bogotá"),
                            QStringLiteral("Hola {nombre}, el envío a Bogotá cuesta $12.000."), 0, {}}, &error));
    ASSERT_TRUE(store.save({0, QStringLiteral("envio-gratis"), QStringLiteral("Envío gratis"),
                            QStringLiteral("Desde $150.000 el envío es gratis."), 0, {}}, &error));
    ASSERT_TRUE(store.save({0, QStringLiteral("pago"), QStringLiteral("Medios de pago"), QStringLiteral("Nequi o transferencia."), 0, {}}, &error));
    window->findChild<Composer *>(QStringLiteral("composer"))->setQuickReplies(store.all(&error));

    customerWrites(QStringLiteral("¿Cuánto cuesta el envío?"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *editor = find<QPlainTextEdit>("composerText");
    auto *offered = find<QListWidget>("quickReplyList");
    EXPECT_TRUE(offered->isHidden());
    QTest::keyClicks(editor, QStringLiteral("/env"));
    editor->insertPlainText(QStringLiteral("ío")); // QTest types ASCII only
    ASSERT_FALSE(offered->isHidden());
    ASSERT_EQ(offered->count(), 2);
    EXPECT_EQ(offered->item(0)->text(), QStringLiteral("/envio — Envío a Bogotá"));
    QTest::keyClick(editor, Qt::Key_Down);
    QTest::keyClick(editor, Qt::Key_Up);
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("Hola Lucía, el envío a Bogotá cuesta $12.000.")) << "inserted, not sent";
    EXPECT_TRUE(offered->isHidden());
    EXPECT_EQ(loop.value(QStringLiteral("SELECT use_count FROM quick_replies WHERE shortcut = 'envio'")).toInt(), 1);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out'")).toInt(), 0);

    editor->clear();
    QTest::keyClicks(editor, QStringLiteral("/zapatos"));
    EXPECT_TRUE(offered->isHidden()) << "nothing matches: nothing in the way";
    editor->clear();
    QTest::keyClicks(editor, QStringLiteral("/pa"));
    QTest::keyClick(editor, Qt::Key_Escape);
    EXPECT_TRUE(offered->isHidden());
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("/pa"));
}

TEST_F(WorkspaceTest, StatusFromTheListAndLabelsRenamedByTheShop)
{
    customerWrites(QStringLiteral("Hola"));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 1; }, 3000));
    auto *inbox = window->findChild<InboxPane *>(QStringLiteral("conversationListPane"));
    ASSERT_NE(inbox, nullptr);
    QList<QAction *> actions = inbox->statusActions(list->model()->index(0, 0));
    QStringList names;
    for (QAction *action : actions)
        names << action->objectName();
    EXPECT_EQ(names, (QStringList{QStringLiteral("status_pending"), QStringLiteral("status_resolved")}));
    actions.first()->trigger();
    qDeleteAll(actions);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT status FROM conversations")).toString(), QStringLiteral("pending"));

    auto *customer = window->findChild<CustomerPane *>(QStringLiteral("customerPane"));
    auto *filter = find<QComboBox>("labelFilter");
    customer->renameLabel(filter->itemData(1).toLongLong(), QStringLiteral("Pedido web"), QStringLiteral("#3b82c4"));
    EXPECT_EQ(filter->itemText(1), QStringLiteral("Pedido web (0)"));
}

TEST_F(WorkspaceTest, WhileTheShopIsClosedAReplyCanWaitForOpeningTime)
{
    customerWrites(QStringLiteral("¿Tienen la lámpara en blanco?"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *atOpening = find<QPushButton>("sendAtOpeningButton");
    EXPECT_TRUE(atOpening->isHidden()) << "no hours set: nothing to offer";

    // Bogotá, Monday to Saturday 9–13 and 16–20; the test clock says 14:00 there, the lunch break.
    OpeningHours hours{QTimeZone("America/Bogota")};
    for (int day = Qt::Monday; day <= Qt::Saturday; ++day)
        hours.setDay(Qt::DayOfWeek(day), {{QTime(9, 0), QTime(13, 0)}, {QTime(16, 0), QTime(20, 0)}});
    workspace->setShop(hours, QStringLiteral("Casa Nube"));
    ASSERT_FALSE(atOpening->isHidden());
    EXPECT_TRUE(atOpening->isEnabled());
    const QDateTime opening(QDate(2026, 11, 17), QTime(16, 0), QTimeZone("America/Bogota"));
    EXPECT_TRUE(atOpening->toolTip().startsWith(QStringLiteral("The shop is closed: send this when it opens")));

    find<QPlainTextEdit>("composerText")->setPlainText(QStringLiteral("Sí, te la aparto."));
    atOpening->click();
    EXPECT_EQ(loop.value(QStringLiteral("SELECT next_attempt_at FROM messages WHERE body = 'Sí, te la aparto.'")).toLongLong(),
              opening.toMSecsSinceEpoch());
    EXPECT_EQ(loop.value(QStringLiteral("SELECT outbox_state FROM messages WHERE body = 'Sí, te la aparto.'")).toString(),
              QStringLiteral("queued"));
    EXPECT_TRUE(find<QPlainTextEdit>("composerText")->toPlainText().isEmpty());
    const QModelIndex last = messages()->index(messages()->rowCount() - 1);
    EXPECT_EQ(last.data(MessageListModel::ScheduledForRole).toDateTime(), opening);
}

// The store refuses status changes (another program's trigger stands for a locked or damaged
// store): from the thread, with Ctrl+Enter and from the list's menu alike, the person is told,
// and nothing shows a status the store does not hold.
TEST_F(WorkspaceTest, AStatusChangeTheStoreRefusesIsSaidOnEveryPath)
{
    customerWrites(QStringLiteral("Lo pienso y te digo"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    const qint64 id = list->model()->index(0, 0).data(ConversationListModel::IdRole).toLongLong();
    ASSERT_FALSE(loop.database->exec(QStringLiteral("CREATE TRIGGER refuse_status BEFORE UPDATE OF status ON conversations "
                                                    "BEGIN SELECT RAISE(ABORT, 'the store refuses'); END")).isError());
    auto *notice = find<QLabel>("noticeText");
    const auto said = [&] {
        const bool shown = notice->isVisible() && notice->text().contains(QLatin1String("status was not changed"));
        find<QToolButton>("dismissNotice")->click();
        return shown;
    };

    auto *status = find<QComboBox>("conversationStatus");
    status->setCurrentIndex(1);
    Q_EMIT status->activated(1);
    EXPECT_TRUE(said()) << "from the thread";
    EXPECT_EQ(status->currentData().toString(), QStringLiteral("open")) << "the box shows what the store holds";

    QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(said()) << "Ctrl+Enter";
    EXPECT_FALSE(find<QWidget>("undoToast")->isVisible()) << "nothing resolved, nothing to undo";
    EXPECT_EQ(list->model()->rowCount(), 1) << "still in the Open view";

    Q_EMIT workspace->inboxPane().statusChosen(id, QStringLiteral("pending"));
    EXPECT_TRUE(said()) << "from the list";
    EXPECT_EQ(list->model()->index(0, 0).data(ConversationListModel::StatusRole).toString(), QStringLiteral("open"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT status FROM conversations")).toString(), QStringLiteral("open"));
}

// The customer pane's "wants promotions" box: the shop leaves a customer out and takes them back;
// once the customer writes BAJA the box is theirs (unticked, greyed, saying why) until they write ALTA.
TEST_F(WorkspaceTest, TheShopCannotUntickACustomersOwnNo)
{
    customerWrites(QStringLiteral("¿Tienen cojines?"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *promotions = find<QCheckBox>("customerPromotions");
    ASSERT_TRUE(promotions->isChecked());
    QTest::mouseClick(promotions, Qt::LeftButton);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT opt_out_reason FROM customers")).toString(), QStringLiteral("shop"));
    QTest::mouseClick(promotions, Qt::LeftButton);
    EXPECT_TRUE(loop.value(QStringLiteral("SELECT opted_out_at FROM customers")).isNull()) << "the shop's own no, lifted";

    customerWrites(QStringLiteral("BAJA"));
    list->setCurrentIndex(list->model()->index(0, 0));
    workspace->refreshOpenConversation();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !promotions->isChecked(); }, 3000));
    EXPECT_FALSE(promotions->isEnabled());
    EXPECT_TRUE(promotions->toolTip().contains(QLatin1String("ALTA"))) << promotions->toolTip().toStdString();
    EXPECT_EQ(loop.value(QStringLiteral("SELECT opt_out_reason FROM customers")).toString(), QStringLiteral("message: BAJA"));
}

namespace {

// Clicks the button named `answer` of the question about to be asked; keeps what it said.
void answerNextQuestion(const QString &answer, QString *asked)
{
    QTimer::singleShot(0, [answer, asked] {
        auto *question = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        ASSERT_NE(question, nullptr) << "no question was asked";
        *asked = question->text();
        for (QAbstractButton *button : question->buttons()) {
            if (button->text() == answer) {
                button->click();
                return;
            }
        }
        ADD_FAILURE() << "no button " << answer.toStdString();
        question->reject();
    });
}

} // namespace

// The customer wrote BAJA inside a sentence, and their window closed: the composer offers no
// promotion first, says why a chosen one is not sent, and sends one only when asked twice —
// and then it is recorded, with who sent it and the "no" it went past.
TEST_F(WorkspaceTest, ACustomerWhoSaidNoIsOfferedNoPromotionAndOneIsSentOnlyWhenConfirmed)
{
    customerWrites(QStringLiteral("ya no me manden más promociones por favor, BAJA"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    loop.clock.advance(25 * 3600);
    workspace->evaluateWindows();
    auto *picker = find<QComboBox>("templatePicker");
    ASSERT_TRUE(QTest::qWaitFor([&] { return picker->isVisible() && picker->count() > 0; }, 3000));

    // Spanish templates by name would put "Novedades hogar", a promotion, first: not for them.
    const QString first = picker->currentData().toString();
    EXPECT_NE(first, QStringLiteral("novedades_hogar/es"));
    EXPECT_NE(first, QStringLiteral("seguimiento_compra/es"));
    auto *refusal = find<QLabel>("templateRefusal");
    EXPECT_FALSE(refusal->isVisible());
    EXPECT_GT(picker->findData(QStringLiteral("novedades_hogar/es")), picker->findData(QStringLiteral("pedido_listo/es")));

    // Chosen anyway: said, and the button says what it will do.
    picker->setCurrentIndex(picker->findData(QStringLiteral("novedades_hogar/es")));
    EXPECT_TRUE(picker->currentText().contains(QLatin1String("they said no"))) << picker->currentText().toStdString();
    ASSERT_TRUE(refusal->isVisible());
    EXPECT_TRUE(refusal->text().contains(QLatin1String("BAJA"))) << refusal->text().toStdString();
    EXPECT_TRUE(refusal->text().contains(QStringLiteral("Lucía"))) << refusal->text().toStdString();
    auto *send = find<QPushButton>("sendTemplateButton");
    EXPECT_EQ(send->text(), QStringLiteral("Send anyway…"));
    ASSERT_TRUE(send->isEnabled()) << "the customer's name fills the only variable";

    // "Don't send": nothing leaves, nothing is recorded.
    const qsizetype sendsBefore = loop.sandbox->receivedSends().size();
    QString asked;
    answerNextQuestion(QStringLiteral("Don't send"), &asked);
    QTest::mouseClick(send, Qt::LeftButton);
    EXPECT_TRUE(asked.contains(QLatin1String("recorded with your name"))) << asked.toStdString();
    EXPECT_EQ(messages()->rowCount(), 1);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM promotion_overrides")).toInt(), 0);

    // "Send it anyway": sent, and kept with the no it went past.
    answerNextQuestion(QStringLiteral("Send it anyway"), &asked);
    QTest::mouseClick(send, Qt::LeftButton);
    ASSERT_EQ(messages()->rowCount(), 2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return loop.sandbox->receivedSends().size() > sendsBefore; }, 5000));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT template_name FROM promotion_overrides")).toString(), QStringLiteral("novedades_hogar"));
    EXPECT_TRUE(loop.value(QStringLiteral("SELECT refusal FROM promotion_overrides")).toString().contains(QLatin1String("BAJA")));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT message_id FROM promotion_overrides")).toLongLong(),
              loop.value(QStringLiteral("SELECT MAX(id) FROM messages")).toLongLong());

    // A template that is not a promotion goes as always, with no question.
    picker->setCurrentIndex(picker->findData(QStringLiteral("pedido_listo/es")));
    EXPECT_FALSE(refusal->isVisible());
    EXPECT_EQ(send->text(), QStringLiteral("Send template"));
}

// A template WhatsApp took and then did not deliver (131049, marketing held back) says to
// right-click, and the right-click offers to send it again: a new message, the failed one kept.
TEST_F(WorkspaceTest, ATemplateThatFailedAfterLeavingCanBeSentAgainAsACopy)
{
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("573001110049"), QStringLiteral("Hola")));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 1; }, 3000));
    list->setCurrentIndex(list->model()->index(0, 0));
    loop.clock.advance(25 * 3600);
    workspace->evaluateWindows();
    auto *picker = find<QComboBox>("templatePicker");
    ASSERT_TRUE(QTest::qWaitFor([&] { return picker->isVisible() && picker->count() > 0; }, 3000));
    picker->setCurrentIndex(picker->findData(QStringLiteral("novedades_hogar/es")));
    auto *name = find<QLineEdit>("templateParameter1");
    if (name->text().isEmpty())
        QTest::keyClicks(name, QStringLiteral("Ana"));
    auto *send = find<QPushButton>("sendTemplateButton");
    ASSERT_TRUE(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return messages()->rowCount() == 2
            && messages()->index(1).data(MessageListModel::StatusRole).value<DeliveryStatus>() == DeliveryStatus::Failed;
    }, 5000));
    EXPECT_EQ(messages()->index(1).data(MessageListModel::ErrorCodeRole).toInt(), 131049);
    EXPECT_TRUE(MessageDelegate::failureText(messages()->index(1)).contains(QLatin1String("Right-click")));

    auto *thread = window->findChild<ThreadPane *>(QStringLiteral("threadPane"));
    QList<QAction *> actions = thread->actionsFor(messages()->index(1));
    ASSERT_EQ(actions.size(), 1) << "the hint promises something to do";
    EXPECT_EQ(actions.first()->objectName(), QStringLiteral("sendCopyAction"));
    const qsizetype sendsBefore = loop.sandbox->receivedSends().size();
    actions.first()->trigger();
    qDeleteAll(actions);
    ASSERT_TRUE(QTest::qWaitFor([&] { return messages()->rowCount() == 3; }, 3000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return loop.sandbox->receivedSends().size() > sendsBefore; }, 5000));
    EXPECT_EQ(loop.sandbox->receivedSends().last().value(QLatin1String("type")).toString(), QStringLiteral("template"));
    EXPECT_EQ(messages()->index(1).data(MessageListModel::StatusRole).value<DeliveryStatus>(), DeliveryStatus::Failed)
        << "the failed one stays as it was";
}
