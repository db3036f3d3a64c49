#include "conversations/conversationstore.h"

#include "qtprinting.h"
#include "sandbox/webhookpayloads.h"
#include "webhook/webhookingestor.h"
#include "temporarystore.h"
#include "webhook/webhookparser.h"

#include <QJsonDocument>
#include <QSet>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::WebhookPayloads;

namespace {

const Payloads::Business kShop{QStringLiteral("waba"), QStringLiteral("phone"), QStringLiteral("34910000000")};
const QDateTime kStart(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);

class ConversationStoreTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        if (!store.isAvailable())
            GTEST_SKIP() << qPrintable(store.skipReason());
        database = store.open();
        ASSERT_NE(database, nullptr);
        ingestor = std::make_unique<WebhookIngestor>(*database);
        reader = std::make_unique<ConversationStore>(*database);
    }

    void write(const QString &waId, const QString &name, const QString &wamid, const QString &text, const QDateTime &at)
    {
        const Payloads::Sender sender{waId, name, QString()};
        const auto parsed = WebhookParser::parse(QJsonDocument(Payloads::envelope(
            kShop, {sender}, {Payloads::textMessage(wamid, sender, at, text)})).toJson());
        ASSERT_FALSE(ingestor->ingest(parsed.batch).error.isError());
    }

    TemporaryStore store{GetParam()};
    std::unique_ptr<Database> database;
    std::unique_ptr<WebhookIngestor> ingestor;
    std::unique_ptr<ConversationStore> reader;
};

} // namespace

TEST_P(ConversationStoreTest, ConversationsPageByLastActivityWithoutGapsOrRepeats)
{
    for (int i = 0; i < 25; ++i)
        write(QStringLiteral("3460000%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("Cliente %1").arg(i),
              QStringLiteral("wamid.c%1").arg(i), QStringLiteral("Hola"), kStart.addSecs(i * 60));

    QSet<qint64> seen;
    std::optional<ConversationCursor> cursor;
    QDateTime previous;
    int pages = 0;
    for (;;) {
        StoreError error;
        const QList<ConversationSummary> page = reader->conversations({}, cursor, 10, &error);
        ASSERT_FALSE(error.isError());
        if (page.isEmpty())
            break;
        ++pages;
        for (const ConversationSummary &row : page) {
            EXPECT_FALSE(seen.contains(row.id));
            seen.insert(row.id);
            if (previous.isValid()) {
                EXPECT_LE(row.lastMessageAt, previous);
            }
            previous = row.lastMessageAt;
        }
        cursor = ConversationCursor{page.last().lastMessageAt.toMSecsSinceEpoch(), page.last().id};
    }
    EXPECT_EQ(seen.size(), 25);
    EXPECT_EQ(pages, 3);

    StoreError error;
    const auto first = reader->conversations({}, std::nullopt, 1, &error).first();
    EXPECT_EQ(first.customerName, QStringLiteral("Cliente 24"));
    EXPECT_EQ(first.lastMessagePreview, QStringLiteral("Hola"));
    EXPECT_EQ(first.unreadCount, 1);
    EXPECT_EQ(first.lastMessageDirection, Direction::Inbound);
}

TEST_P(ConversationStoreTest, ConversationsPageByWindowTimeLeftLeastFirst)
{
    // Customers wrote 0..24 minutes after kStart, in a shuffled order; the window of the earliest closes first.
    for (int i = 0; i < 25; ++i) {
        const int minute = (i * 7) % 25;
        write(QStringLiteral("3461000%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("Cliente %1").arg(minute),
              QStringLiteral("wamid.w%1").arg(i), QStringLiteral("Hola"), kStart.addSecs(minute * 60));
    }
    ConversationFilter filter;
    filter.sort = ConversationFilter::Sort::WindowTimeLeft;
    filter.windowOpenSince = kStart.addSecs(3 * 60 - 1).toMSecsSinceEpoch(); // the first three windows have closed

    QStringList order;
    std::optional<ConversationCursor> cursor;
    for (;;) {
        StoreError error;
        const QList<ConversationSummary> page = reader->conversations(filter, cursor, 10, &error);
        ASSERT_FALSE(error.isError());
        if (page.isEmpty())
            break;
        for (const ConversationSummary &row : page)
            order << row.customerName;
        cursor = ConversationCursor{page.last().lastInboundAt.toMSecsSinceEpoch(), page.last().id};
    }
    QStringList expected;
    for (int minute = 3; minute < 25; ++minute)
        expected << QStringLiteral("Cliente %1").arg(minute);
    EXPECT_EQ(order, expected);
}

TEST_P(ConversationStoreTest, ViewsFilterConversations)
{
    write(QStringLiteral("34600000001"), QStringLiteral("Ana"), QStringLiteral("wamid.a"), QStringLiteral("Hola"), kStart);
    write(QStringLiteral("34600000002"), QStringLiteral("Bea"), QStringLiteral("wamid.b"), QStringLiteral("Hola"), kStart.addSecs(5));
    ASSERT_FALSE(database->exec(QStringLiteral("UPDATE conversations SET status = 'resolved' WHERE id = 1")).isError());
    StoreError error;
    EXPECT_EQ(reader->conversations({ConversationFilter::View::Resolved}, std::nullopt, 10, &error).size(), 1);
    EXPECT_EQ(reader->conversations({ConversationFilter::View::Open}, std::nullopt, 10, &error).size(), 1);
    EXPECT_EQ(reader->conversations({ConversationFilter::View::WaitingForUs}, std::nullopt, 10, &error).size(), 1);
    EXPECT_EQ(reader->conversations({ConversationFilter::View::All}, std::nullopt, 10, &error).size(), 2);
}

TEST_P(ConversationStoreTest, MessagesPageNewestFirst)
{
    for (int i = 0; i < 120; ++i)
        write(QStringLiteral("34600000001"), QStringLiteral("Ana"), QStringLiteral("wamid.m%1").arg(i),
              QStringLiteral("Mensaje %1").arg(i), kStart.addSecs(i));
    StoreError error;
    const qint64 conversation = reader->conversations({}, std::nullopt, 1, &error).first().id;
    QList<StoredMessage> all;
    std::optional<MessageCursor> cursor;
    for (;;) {
        const QList<StoredMessage> page = reader->messages(conversation, cursor, 50, &error);
        ASSERT_FALSE(error.isError());
        if (page.isEmpty())
            break;
        all += page;
        cursor = MessageCursor{page.last().sentAt.toMSecsSinceEpoch(), page.last().id};
    }
    ASSERT_EQ(all.size(), 120);
    EXPECT_EQ(all.first().body, QStringLiteral("Mensaje 119"));
    EXPECT_EQ(all.last().body, QStringLiteral("Mensaje 0"));
}

TEST_P(ConversationStoreTest, SearchIgnoresAccentsAndCaseAndHighlights)
{
    write(QStringLiteral("34600000001"), QStringLiteral("Lucía Gómez"), QStringLiteral("wamid.s1"),
          QStringLiteral("¿Tenéis la canción de la tienda en la lista?"), kStart);
    write(QStringLiteral("34600000002"), QStringLiteral("Pablo"), QStringLiteral("wamid.s2"),
          QStringLiteral("La lámpara llegó rota"), kStart.addSecs(10));
    StoreError error;
    const QList<SearchHit> hits = reader->search(QStringLiteral("CANCION"), 10, &error);
    ASSERT_FALSE(error.isError()) << error.detail.toStdString();
    ASSERT_EQ(hits.size(), 1);
    EXPECT_NE(hits.first().messageId, 0);
    EXPECT_EQ(hits.first().customerName, QStringLiteral("Lucía Gómez"));
    EXPECT_TRUE(hits.first().snippet.contains(QString(kHighlightStart) + QStringLiteral("canción") + QString(kHighlightEnd)))
        << hits.first().snippet.toStdString();

    // Prefixes and accents the other way round: "lampara" finds "lámpara".
    const QList<SearchHit> lamp = reader->search(QStringLiteral("lampa"), 10, &error);
    ASSERT_EQ(lamp.size(), 1);
    EXPECT_EQ(lamp.first().customerName, QStringLiteral("Pablo"));

    // Customers are found by name too.
    const QList<SearchHit> byName = reader->search(QStringLiteral("lucia gomez"), 10, &error);
    ASSERT_FALSE(byName.isEmpty());
    EXPECT_TRUE(std::any_of(byName.cbegin(), byName.cend(), [](const SearchHit &hit) { return hit.messageId == 0; }));

    // Whatever people type is safe.
    EXPECT_TRUE(reader->search(QStringLiteral("\"unbalanced AND (*"), 10, &error).isEmpty() || !error.isError());
    EXPECT_FALSE(error.isError());
    EXPECT_TRUE(reader->search(QStringLiteral("   "), 10, &error).isEmpty());
}

TEST_P(ConversationStoreTest, SearchRanksTheBetterMatchFirstAndFollowsEdits)
{
    write(QStringLiteral("34600000001"), QStringLiteral("Ana"), QStringLiteral("wamid.r1"),
          QStringLiteral("cojines, cojines y más cojines mostaza"), kStart);
    write(QStringLiteral("34600000002"), QStringLiteral("Bea"), QStringLiteral("wamid.r2"),
          QStringLiteral("Una pregunta larga sobre envíos, horarios, devoluciones y también sobre cojines"), kStart.addSecs(1));
    StoreError error;
    const QList<SearchHit> hits = reader->search(QStringLiteral("cojines"), 10, &error);
    ASSERT_EQ(hits.size(), 2);
    EXPECT_EQ(hits.first().customerName, QStringLiteral("Ana"));

    ASSERT_FALSE(database->exec(QStringLiteral("UPDATE messages SET body = 'mantas' WHERE wamid = 'wamid.r1'")).isError());
    EXPECT_EQ(reader->search(QStringLiteral("cojines"), 10, &error).size(), 1);
    EXPECT_EQ(reader->search(QStringLiteral("mantas"), 10, &error).size(), 1);
}

TEST_P(ConversationStoreTest, RareOldWordsAreFoundBeyondTheRecentWindow)
{
    write(QStringLiteral("34600000001"), QStringLiteral("Ana"), QStringLiteral("wamid.old"), QStringLiteral("¿Tenéis mecedoras?"), kStart);
    // Many newer messages push it out of the recent window the ranking looks at first.
    ASSERT_FALSE(database->exec(QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) "
        "INSERT INTO messages (conversation_id, direction, kind, body, sent_at, stored_at) SELECT 1, 'in', 'text', 'hola', i, 0 FROM n")).isError());
    StoreError error;
    const QList<SearchHit> hits = reader->search(QStringLiteral("mecedora"), 20, &error);
    ASSERT_FALSE(error.isError()) << error.detail.toStdString();
    ASSERT_EQ(hits.size(), 1);
    EXPECT_TRUE(hits.first().snippet.contains(QStringLiteral("mecedoras")));
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Backends, ConversationStoreTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
