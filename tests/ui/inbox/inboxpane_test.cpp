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
