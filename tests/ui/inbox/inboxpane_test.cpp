// The inbox pane on a real store: clicking a conversation chooses it, typing in the search box
// finds a message and choosing the result names its conversation and message.

#include "common/clock.h"
#include "inbox/conversationlistmodel.h"
#include "inbox/inboxpane.h"
#include "inbox/searchresultsmodel.h"
#include "storedhistory.h"
#include "temporarystore.h"
#include "widgetlookup.h"

#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

class InboxPaneTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        database = store.open();
        ASSERT_NE(database, nullptr);
        ingestor = std::make_unique<WebhookIngestor>(*database);
        ASSERT_FALSE(storeHistory(*ingestor, 4, 2).error.isError());
        conversations = std::make_unique<ConversationListModel>(*database, nullptr);
        results = std::make_unique<SearchResultsModel>(*database);
        conversations->reload();
        pane = std::make_unique<InboxPane>(*conversations, *results, clock);
        pane->resize(360, 600);
        pane->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(pane.get()));
    }

    TemporaryStore store;
    std::unique_ptr<Database> database;
    std::unique_ptr<WebhookIngestor> ingestor;
    std::unique_ptr<ConversationListModel> conversations;
    std::unique_ptr<SearchResultsModel> results;
    SystemClock clock;
    std::unique_ptr<InboxPane> pane;
};

} // namespace

TEST_F(InboxPaneTest, ClickingAConversationChoosesIt)
{
    QSignalSpy chosen(pane.get(), &InboxPane::conversationChosen);
    auto *list = child<QListView>(*pane, "conversationList");
    ASSERT_EQ(list->model()->rowCount(), 4);
    const QModelIndex third = list->model()->index(2, 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(third).center());
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosen.first().at(0).toLongLong(), third.data(ConversationListModel::IdRole).toLongLong());
}

TEST_F(InboxPaneTest, SearchFindsAMessageAndChoosingItNamesItsConversation)
{
    QSignalSpy chosen(pane.get(), &InboxPane::searchResultChosen);
    auto *search = child<QLineEdit>(*pane, "searchBox");
    QTest::keyClicks(search, QStringLiteral("mensaje 1 de 3"));
    auto *found = child<QListView>(*pane, "searchResults");
    ASSERT_TRUE(QTest::qWaitFor([&] { return found->isVisible() && found->model()->rowCount() > 0; }, 3000));
    const QModelIndex first = found->model()->index(0, 0);
    QTest::mouseClick(found->viewport(), Qt::LeftButton, {}, found->visualRect(first).center());
    ASSERT_GE(chosen.count(), 1);
    const qint64 conversation = chosen.first().at(0).toLongLong();
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT c.profile_name FROM conversations v JOIN customers c ON c.id = v.customer_id "
                                               "WHERE v.id = ?"),
                     {conversation})
                  .toString(),
              QStringLiteral("Cliente 3"));
    EXPECT_NE(chosen.first().at(1).toLongLong(), 0) << "a message matched, not only the customer";
}

// An empty inbox before a number is connected says so and offers to connect one; once connected,
// it only says the chats will come.
TEST(InboxPaneEmpty, BeforeANumberIsConnectedTheEmptyInboxOffersToConnect)
{
    TemporaryStore store;
    auto database = store.open();
    ASSERT_NE(database, nullptr);
    ConversationListModel conversations(*database, nullptr);
    SearchResultsModel results(*database);
    conversations.reload();
    SystemClock clock;
    InboxPane pane(conversations, results, clock);
    pane.resize(360, 600);
    pane.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&pane));
    QSignalSpy asked(&pane, &InboxPane::connectRequested);

    pane.setConnectOffer(true);
    QPushButton *connect = child<QPushButton>(pane, "emptyStateAction");
    ASSERT_TRUE(connect->isVisible());
    QTest::mouseClick(connect, Qt::LeftButton);
    EXPECT_EQ(asked.count(), 1);

    pane.setConnectOffer(false);
    EXPECT_FALSE(connect->isVisible());
}

namespace {

qint64 idOfRow(QListView *list, int row)
{
    return list->model()->index(row, 0).data(ConversationListModel::IdRole).toLongLong();
}

void sendTo(QWidget *widget, QEvent::Type type)
{
    if (type == QEvent::Enter) {
        QEnterEvent enter(QPointF(5, 5), QPointF(5, 5), widget->mapToGlobal(QPointF(5, 5)));
        QCoreApplication::sendEvent(widget, &enter);
    } else {
        QEvent leave(type);
        QCoreApplication::sendEvent(widget, &leave);
    }
}

} // namespace

// The highlighted row is the open conversation's; a customer who writes while the pointer is
// over the list does not move the rows under it.
TEST_F(InboxPaneTest, TheListHoldsStillUnderThePointerAndFollowsTheOpenConversation)
{
    auto *list = child<QListView>(*pane, "conversationList");
    ASSERT_EQ(list->model()->rowCount(), 4);
    const qint64 top = idOfRow(list, 0);
    const qint64 second = idOfRow(list, 1);
    const qint64 bottom = idOfRow(list, 3);
    QSignalSpy chosen(pane.get(), &InboxPane::conversationChosen);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(1, 0)).center());
    ASSERT_EQ(chosen.count(), 1);

    // The pointer is over the list: the bottom customer writes, nothing moves, the button says so.
    sendTo(list->viewport(), QEvent::Enter);
    storeHistory(*ingestor, 1, 1, QDateTime(QDate(2026, 11, 18), QTime(9, 0), Qt::UTC)); // Cliente 0, the bottom row
    conversations->refresh({bottom});
    EXPECT_EQ(idOfRow(list, 0), top);
    EXPECT_EQ(idOfRow(list, 3), bottom) << "rows do not jump under the pointer";
    auto *held = child<QPushButton>(*pane, "inboxHeldChanges");
    EXPECT_TRUE(held->isVisible());
    EXPECT_EQ(held->text(), QStringLiteral("1 new ↑"));
    EXPECT_EQ(list->currentIndex().data(ConversationListModel::IdRole).toLongLong(), second);

    // The pointer leaves: the customer goes to the top, the highlight stays on the open conversation.
    sendTo(list->viewport(), QEvent::Leave);
    EXPECT_EQ(idOfRow(list, 0), bottom);
    EXPECT_FALSE(held->isVisible());
    QTest::qWait(10);
    EXPECT_EQ(list->currentIndex().data(ConversationListModel::IdRole).toLongLong(), second);
    EXPECT_EQ(chosen.count(), 1) << "nothing opened by itself";
}

// When the open conversation leaves the list (resolved, in the Open view), no neighbour is
// highlighted and none is opened in its place.
TEST_F(InboxPaneTest, WhenTheOpenConversationLeavesTheListNoOtherOpens)
{
    conversations->setView(ConversationFilter::View::Open);
    auto *list = child<QListView>(*pane, "conversationList");
    const qint64 second = idOfRow(list, 1);
    QSignalSpy chosen(pane.get(), &InboxPane::conversationChosen);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(1, 0)).center());
    ASSERT_EQ(chosen.count(), 1);
    ASSERT_FALSE(database->exec(QStringLiteral("UPDATE conversations SET status = 'resolved' WHERE id = ?"), {second}, "resolve").isError());
    conversations->refresh({second});
    sendTo(list->viewport(), QEvent::Leave); // it leaves once the pointer does
    QTest::qWait(10);
    ASSERT_EQ(list->model()->rowCount(), 3);
    EXPECT_EQ(chosen.count(), 1) << "no other customer's conversation was opened";
    EXPECT_FALSE(list->selectionModel()->hasSelection());
}

TEST_F(InboxPaneTest, RowsFitTheListAgainAfterTheWindowNarrows)
{
    auto *list = child<QListView>(*pane, "conversationList");
    pane->resize(700, 600);
    QTest::qWait(50);
    pane->resize(320, 600);
    QTest::qWait(50);
    // Nothing of a row (its unread badge, its window chip) hides behind a sideways scroll bar.
    EXPECT_EQ(list->horizontalScrollBar()->maximum(), 0);
    EXPECT_LE(list->visualRect(list->model()->index(0, 0)).right(), list->viewport()->width());
}
