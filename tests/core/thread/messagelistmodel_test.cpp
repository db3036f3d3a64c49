// The thread model on a real store (both backends), under Qt's model tester: the newest page
// first, older pages as the view scrolls up, and what the roles say.

#include "qtprinting.h"
#include "storedhistory.h"
#include "temporarystore.h"
#include "thread/messagelistmodel.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

class MessageListModelTest : public IngestingStoreTest
{
protected:
    void SetUp() override
    {
        IngestingStoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        ASSERT_FALSE(storeHistory(*ingestor, 1, 150).error.isError());
        conversation = scalar(*database, QStringLiteral("SELECT id FROM conversations")).toLongLong();
    }

    qint64 conversation = 0;
};

} // namespace

TEST_P(MessageListModelTest, OpensOnTheNewestPageAndReadsOlderOnesOnDemand)
{
    MessageListModel model(*database);
    model.setConversation(conversation);
    ASSERT_EQ(model.rowCount(), MessageListModel::kPageSize);
    // Oldest at the top, newest at the bottom.
    EXPECT_EQ(model.index(model.rowCount() - 1).data(MessageListModel::TextRole).toString(), QStringLiteral("Mensaje 149 de 0"));
    EXPECT_EQ(model.index(0).data(MessageListModel::TextRole).toString(), QStringLiteral("Mensaje 90 de 0"));
    ASSERT_TRUE(model.canFetchMore({}));
    // Qt 6.4's tester asks for more while a reset is still being announced, so it watches
    // from here on (it reads the older pages itself as it starts).
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    while (model.canFetchMore({}))
        model.fetchMore({});
    ASSERT_EQ(model.rowCount(), 150);
    EXPECT_EQ(model.index(0).data(MessageListModel::TextRole).toString(), QStringLiteral("Mensaje 0 de 0"));
    EXPECT_EQ(model.index(0).data(MessageListModel::DirectionRole).value<Direction>(), Direction::Inbound);
    EXPECT_TRUE(model.index(0).data(MessageListModel::NewDayRole).toBool()) << "the first message starts its day";
    EXPECT_FALSE(model.index(150).data(MessageListModel::TextRole).isValid()) << "out of range: no data";
}

TEST_P(MessageListModelTest, ARefreshAddsWhatArrivedWithoutLosingTheLoadedPages)
{
    MessageListModel model(*database);
    model.setConversation(conversation);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.fetchMore({});
    const int loaded = model.rowCount();
    ASSERT_FALSE(storeHistory(*ingestor, 1, 1, QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC)).error.isError());
    model.refresh();
    ASSERT_EQ(model.rowCount(), loaded + 1);
    EXPECT_EQ(model.index(model.rowCount() - 1).data(MessageListModel::SentAtRole).toDateTime(),
              QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC));
    model.setConversation(0);
    EXPECT_EQ(model.rowCount(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MessageListModelTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
