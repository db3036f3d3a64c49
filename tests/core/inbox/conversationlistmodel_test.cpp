// The inbox model on a real store (both backends), under Qt's model tester: pages, re-sorting
// on new messages, views, and the search results model.

#include "inbox/conversationlistmodel.h"
#include "inbox/searchresultsmodel.h"
#include "outbox/outgoingstore.h"
#include "qtprinting.h"
#include "storedhistory.h"
#include "temporarystore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

class ConversationListModelTest : public IngestingStoreTest
{
};

} // namespace

TEST_P(ConversationListModelTest, PagesThroughAThousandConversationsNewestFirst)
{
    ASSERT_FALSE(storeHistory(*ingestor, 250, 2).error.isError());
    ConversationListModel model(*database, nullptr);
    model.reload();
    EXPECT_EQ(model.rowCount(), ConversationListModel::kPageSize);
    EXPECT_TRUE(model.canFetchMore({}));
    // Qt 6.4's tester asks for more while a reset is still being announced, so it watches
    // from here on (it reads the next pages itself as it starts).
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    while (model.canFetchMore({}))
        model.fetchMore({});
    ASSERT_EQ(model.rowCount(), 250);
    // Newest first: customer 249 wrote last.
    EXPECT_EQ(model.index(0).data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Cliente 249"));
    EXPECT_EQ(model.index(249).data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Cliente 0"));
    EXPECT_EQ(model.index(0).data(ConversationListModel::PreviewRole).toString(), QStringLiteral("Mensaje 1 de 249"));
    EXPECT_EQ(model.index(0).data(ConversationListModel::UnreadCountRole).toInt(), 2);
    EXPECT_FALSE(model.index(250).data(ConversationListModel::CustomerNameRole).isValid()) << "out of range: no data";
}

TEST_P(ConversationListModelTest, ANewMessageMovesItsConversationToTheTop)
{
    const auto stored = storeHistory(*ingestor, 5, 1);
    ASSERT_FALSE(stored.error.isError());
    ConversationListModel model(*database, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.reload();
    ASSERT_EQ(model.rowCount(), 5);
    const qint64 oldest = model.idAt(4);

    // Customer 0 writes again, after everyone else.
    QSignalSpy changed(ingestor.get(), &WebhookIngestor::conversationsChanged);
    ASSERT_FALSE(storeHistory(*ingestor, 1, 1, QDateTime(QDate(2026, 11, 18), QTime(9, 0), Qt::UTC)).error.isError());
    ASSERT_EQ(changed.count(), 1);
    model.refresh(changed.first().at(0).value<QSet<qint64>>());
    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.idAt(0), oldest);
    EXPECT_EQ(model.rowOf(oldest), 0);
}

// A reload while the store cannot be read (a team's connection lost) leaves the inbox as it
// was, not empty; once the store answers, it reads afresh.
TEST_P(ConversationListModelTest, AReloadTheStoreCannotAnswerKeepsWhatWasShown)
{
    ASSERT_FALSE(storeHistory(*ingestor, 5, 1).error.isError());
    ConversationListModel model(*database, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.reload();
    ASSERT_EQ(model.rowCount(), 5);
    const qint64 first = model.idAt(0);

    database->disconnect();
    model.reload();
    EXPECT_EQ(model.rowCount(), 5) << "an inbox emptied by a failed read";
    EXPECT_EQ(model.idAt(0), first);

    ASSERT_FALSE(database->reconnect().isError());
    ASSERT_FALSE(database->exec(QStringLiteral("UPDATE customers SET display_name = ? WHERE id = "
                                               "(SELECT customer_id FROM conversations WHERE id = ?)"),
                                {QStringLiteral("Nombre nuevo"), first}, "rename")
                     .isError());
    model.reload();
    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.index(0).data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Nombre nuevo"));
}

TEST_P(ConversationListModelTest, AfterAnAutomaticReplyThePreviewIsWhatTheCustomerSaid)
{
    ASSERT_FALSE(storeHistory(*ingestor, 2, 1).error.isError());
    ConversationListModel model(*database, nullptr);
    model.reload();
    ASSERT_EQ(model.rowCount(), 2);
    const qint64 answered = model.idAt(0);
    const qint64 byAPerson = model.idAt(1);

    OutgoingStore outgoing(*database);
    StoreError error;
    const QString greeting = QStringLiteral("¡Hola! Gracias por escribir a Casa Nube. Te respondemos enseguida.");
    ASSERT_TRUE(outgoing.enqueue(answered, MessageKind::Text, greeting, {}, true, &error));
    ASSERT_TRUE(outgoing.enqueue(byAPerson, MessageKind::Text, QStringLiteral("Sí, la tenemos en gris."), {}, false, &error));
    model.refresh({answered, byAPerson});

    const QModelIndex automatic = model.index(model.rowOf(answered));
    EXPECT_EQ(automatic.data(ConversationListModel::PreviewRole).toString(), QStringLiteral("Mensaje 0 de 1"));
    EXPECT_TRUE(automatic.data(ConversationListModel::AnsweredAutomaticallyRole).toBool());
    const QModelIndex person = model.index(model.rowOf(byAPerson));
    EXPECT_EQ(person.data(ConversationListModel::PreviewRole).toString(), QStringLiteral("Sí, la tenemos en gris."));
    EXPECT_FALSE(person.data(ConversationListModel::AnsweredAutomaticallyRole).toBool());
}

TEST_P(ConversationListModelTest, ViewsShowOnlyTheirConversations)
{
    ASSERT_FALSE(storeHistory(*ingestor, 3, 1).error.isError());
    ConversationListModel model(*database, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setView(ConversationFilter::View::Resolved);
    model.reload();
    EXPECT_EQ(model.rowCount(), 0);
    model.setView(ConversationFilter::View::WaitingForUs);
    model.reload();
    EXPECT_EQ(model.rowCount(), 3);
}

TEST_P(ConversationListModelTest, SearchResultsFindMessagesIgnoringAccentsAndCase)
{
    ASSERT_FALSE(storeHistory(*ingestor, 3, 2).error.isError());
    SearchResultsModel results(*database);
    QAbstractItemModelTester tester(&results, QAbstractItemModelTester::FailureReportingMode::Fatal);
    results.search(QStringLiteral("MENSAJE 1 de 2"));
    ASSERT_GE(results.rowCount(), 1);
    results.search(QString());
    EXPECT_EQ(results.rowCount(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConversationListModelTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
