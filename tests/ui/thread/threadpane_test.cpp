// The thread pane on the real store and sandbox: what the shop types goes out through the
// message sender by conversation, addressed to the customer when it is sent, and shows at once.

#include "composer/composer.h"
#include "inbox/conversationlistmodel.h"
#include "outbox/messagesender.h"
#include "outbox/outbox.h"
#include "qtprinting.h"
#include "sandbox/sandboxserver.h"
#include "services/shopservices.h"
#include "thread/messagelistmodel.h"
#include "thread/threadpane.h"
#include "widgetlookup.h"
#include "window/windowtracker.h"
#include "wireloop.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QString kCustomer = QStringLiteral("573001112233");

class ThreadPaneTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía Gómez"));
        ASSERT_TRUE(loop.customerWrites(kCustomer, QStringLiteral("¿Tenéis la lámpara en blanco?")));
        shop = std::make_unique<ShopServices>(*loop.database, *loop.ingestor, *loop.client, loop.clock, media.path(),
                                              ShopServices::Runner::ThisComputer);
        conversations = std::make_unique<ConversationListModel>(*loop.database, &shop->windows());
        conversations->reload();
        messages = std::make_unique<MessageListModel>(*loop.database);
        pane = std::make_unique<ThreadPane>(*messages, *conversations, shop->windows(), shop->sender(), loop.clock);
        pane->resize(700, 600);
        pane->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(pane.get()));
        conversation = conversations->idAt(0);
        pane->showConversation(conversation);
    }

    WireLoop loop;
    QTemporaryDir media;
    std::unique_ptr<ShopServices> shop;
    std::unique_ptr<ConversationListModel> conversations;
    std::unique_ptr<MessageListModel> messages;
    std::unique_ptr<ThreadPane> pane;
    qint64 conversation = 0;
};

} // namespace

TEST_F(ThreadPaneTest, TypingAndEnterSendsToTheConversationsCustomer)
{
    EXPECT_EQ(child<QLabel>(*pane, "threadTitle")->text(), QStringLiteral("Lucía Gómez"));
    QSignalSpy accepted(&shop->outbox(), &Outbox::messageAccepted);
    auto *editor = child<QPlainTextEdit>(*pane, "composerText");
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("Si, nos quedan dos."));
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_TRUE(editor->toPlainText().isEmpty());
    // Shown at once, pending, at the bottom of the thread.
    ASSERT_EQ(messages->rowCount(), 2);
    EXPECT_EQ(messages->index(1).data(MessageListModel::TextRole).toString(), QStringLiteral("Si, nos quedan dos."));
    EXPECT_EQ(messages->index(1).data(MessageListModel::DirectionRole).value<Direction>(), Direction::Outbound);
    ASSERT_TRUE(accepted.wait(5000));
    const QJsonObject sent = loop.sandbox->receivedSends().last();
    EXPECT_EQ(sent.value(QLatin1String("to")).toString(), kCustomer) << "addressed from the conversation's customer";
    EXPECT_FALSE(sent.contains(QLatin1String("recipient")));
    EXPECT_EQ(sent.value(QLatin1String("text")).toObject().value(QLatin1String("body")).toString(), QStringLiteral("Si, nos quedan dos."));
}

TEST_F(ThreadPaneTest, AClosedWindowIsRefusedHereWithTheReason)
{
    loop.clock.advance(25 * 3600);
    shop->windows().evaluate();
    QSignalSpy failed(&shop->outbox(), &Outbox::messageFailed);
    // What the sender takes for a closed window fails at once, with WhatsApp's code for it.
    const MessageSender::Result result = shop->sender().sendText(conversation, QStringLiteral("¿Sigues ahí?"));
    ASSERT_NE(result.messageId, 0);
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_TRUE(WireError::meansWindowClosed(failed.first().at(1).value<WireError>().code));
    pane->refresh();
    EXPECT_EQ(messages->index(messages->rowCount() - 1).data(MessageListModel::OutboxStateRole).toString(), QStringLiteral("failed"));
}
