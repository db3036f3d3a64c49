#include "webhook/webhookingestor.h"

#include "qtprinting.h"
#include "sandbox/webhookpayloads.h"
#include "db/database.h"
#include "conversations/conversationstore.h"
#include "storedhistory.h"
#include "temporarystore.h"
#include "webhook/webhookparser.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::WebhookPayloads;

namespace {

const Payloads::Business kShop{QStringLiteral("waba-1"), QStringLiteral("phone-1"), QStringLiteral("34910000000")};
const Payloads::Sender kLucia{QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez"), QString()};
const QDateTime kMonday = QDateTime(QDate(2026, 11, 16), QTime(10, 0), Qt::UTC);

WebhookBatch batchOf(const QJsonObject &payload)
{
    const auto parsed = WebhookParser::parse(QJsonDocument(payload).toJson());
    EXPECT_TRUE(parsed.ok) << qPrintable(parsed.error);
    return parsed.batch;
}

WebhookBatch textFrom(const Payloads::Sender &sender, const QString &wamid, const QString &body,
                      const QDateTime &at = kMonday)
{
    return batchOf(Payloads::envelope(kShop, {sender}, {Payloads::textMessage(wamid, sender, at, body)}));
}

WebhookBatch statusOf(const QString &wamid, const QString &state, const QDateTime &at,
                      const QList<WireError> &errors = {}, const QString &callback = {})
{
    return batchOf(Payloads::envelope(kShop, {}, {}, {Payloads::status(wamid, kLucia.waId, state, at, callback, errors)}));
}

class WebhookIngestorTest : public IngestingStoreTest
{
protected:
    void ingestOk(const WebhookBatch &batch)
    {
        const auto outcome = ingestor->ingest(batch);
        ASSERT_FALSE(outcome.error.isError()) << outcome.error.detail.toStdString();
    }

    QVariant value(const QString &sql, const QVariantList &values = {}) { return scalar(*database, sql, values); }

    // Inserts an outgoing message as the outbox would, so statuses have something to apply to.
    void insertOutgoing(const QString &wamid, const QString &clientId = {})
    {
        ingestOk(textFrom(kLucia, QStringLiteral("wamid.in-1"), QStringLiteral("Hola")));
        QSqlQuery insert(database->connection());
        insert.prepare(QStringLiteral("INSERT INTO messages (conversation_id, wamid, client_id, direction, kind, body, status, sent_at, stored_at) "
                                      "VALUES ((SELECT MIN(id) FROM conversations), ?, ?, 'out', 'text', 'Claro', 1, 0, 0)"));
        insert.addBindValue(wamid.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(wamid));
        insert.addBindValue(clientId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(clientId));
        ASSERT_TRUE(insert.exec()) << qPrintable(insert.lastError().text());
    }

    // The wamids of the messages a search finds, in any order.
    QStringList found(const QString &text)
    {
        StoreError error;
        const QList<SearchHit> hits = ConversationStore(*database).search(text, 20, &error);
        EXPECT_FALSE(error.isError()) << error.detail.toStdString();
        QStringList wamids;
        for (const SearchHit &hit : hits) {
            if (hit.messageId)
                wamids << value(QStringLiteral("SELECT wamid FROM messages WHERE id = ?"), {hit.messageId}).toString();
        }
        wamids.sort();
        return wamids;
    }

    // SQLite's full-text index agrees with the messages it indexes.
    void expectSearchIndexIntact()
    {
        if (!database->dialect().isSqlite())
            return;
        QSqlQuery check(database->connection());
        EXPECT_TRUE(check.exec(QStringLiteral("INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 1)")))
            << qPrintable(check.lastError().text());
    }
};

} // namespace

TEST_P(WebhookIngestorTest, StoresACustomerConversationAndMessage)
{
    QSignalSpy changed(ingestor.get(), &WebhookIngestor::conversationsChanged);
    const auto outcome = ingestor->ingest(textFrom(kLucia, QStringLiteral("wamid.1"), QStringLiteral("¿Tenéis la lámpara en azul?")));
    ASSERT_FALSE(outcome.error.isError()) << outcome.error.detail.toStdString();
    EXPECT_EQ(outcome.newMessages, 1);
    EXPECT_EQ(changed.count(), 1);

    EXPECT_EQ(value(QStringLiteral("SELECT profile_name FROM customers WHERE wa_id = ?"), {kLucia.waId}).toString(), kLucia.name);
    EXPECT_EQ(value(QStringLiteral("SELECT body FROM messages WHERE wamid = 'wamid.1'")).toString(),
              QStringLiteral("¿Tenéis la lámpara en azul?"));
    EXPECT_EQ(value(QStringLiteral("SELECT unread_count FROM conversations")).toInt(), 1);
    EXPECT_EQ(value(QStringLiteral("SELECT last_inbound_at FROM conversations")).toLongLong(), kMonday.toMSecsSinceEpoch());
}

TEST_P(WebhookIngestorTest, TheSameWebhookTwiceStoresOnce)
{
    const WebhookBatch batch = textFrom(kLucia, QStringLiteral("wamid.dup"), QStringLiteral("Hola"));
    ingestOk(batch);
    const auto again = ingestor->ingest(batch);
    ASSERT_FALSE(again.error.isError()) << again.error.detail.toStdString();
    EXPECT_EQ(again.newMessages, 0);
    EXPECT_EQ(again.duplicateMessages, 1);
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 1);
    EXPECT_EQ(value(QStringLiteral("SELECT unread_count FROM conversations")).toInt(), 1);
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 1);
}

TEST_P(WebhookIngestorTest, StatusesNeverMoveBackwards)
{
    insertOutgoing(QStringLiteral("wamid.out"));
    ingestOk(statusOf(QStringLiteral("wamid.out"), QStringLiteral("read"), kMonday.addSecs(60)));
    ingestOk(statusOf(QStringLiteral("wamid.out"), QStringLiteral("delivered"), kMonday.addSecs(30)));
    ingestOk(statusOf(QStringLiteral("wamid.out"), QStringLiteral("sent"), kMonday.addSecs(10)));
    EXPECT_EQ(value(QStringLiteral("SELECT status FROM messages WHERE wamid = 'wamid.out'")).toInt(), int(DeliveryStatus::Read));
    // The history keeps every state that arrived.
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM status_events WHERE wamid = 'wamid.out'")).toInt(), 3);
}

TEST_P(WebhookIngestorTest, FailedIsKeptWithItsError)
{
    insertOutgoing(QStringLiteral("wamid.fail"));
    WireError undeliverable;
    undeliverable.code = 131026;
    undeliverable.title = QStringLiteral("Message undeliverable");
    ingestOk(statusOf(QStringLiteral("wamid.fail"), QStringLiteral("failed"), kMonday, {undeliverable}));
    ingestOk(statusOf(QStringLiteral("wamid.fail"), QStringLiteral("delivered"), kMonday.addSecs(5)));
    EXPECT_EQ(value(QStringLiteral("SELECT status FROM messages WHERE wamid = 'wamid.fail'")).toInt(), int(DeliveryStatus::Failed));
    EXPECT_EQ(value(QStringLiteral("SELECT error_code FROM messages WHERE wamid = 'wamid.fail'")).toInt(), 131026);
}

TEST_P(WebhookIngestorTest, OutsideWindowFailureClosesTheWindow)
{
    insertOutgoing(QStringLiteral("wamid.late"));
    WireError outside;
    outside.code = 131047;
    ingestOk(statusOf(QStringLiteral("wamid.late"), QStringLiteral("failed"), kMonday.addSecs(100), {outside}));
    EXPECT_EQ(value(QStringLiteral("SELECT window_closed_at FROM conversations")).toLongLong(),
              kMonday.addSecs(100).toMSecsSinceEpoch());
    // The customer writing again opens it.
    ingestOk(textFrom(kLucia, QStringLiteral("wamid.back"), QStringLiteral("Sigo aquí"), kMonday.addSecs(200)));
    EXPECT_TRUE(value(QStringLiteral("SELECT window_closed_at FROM conversations")).isNull());
}

TEST_P(WebhookIngestorTest, AStatusFindsASendWhoseAnswerWasLost)
{
    insertOutgoing(QString(), QStringLiteral("client-42"));
    ingestOk(statusOf(QStringLiteral("wamid.found"), QStringLiteral("delivered"), kMonday, {}, QStringLiteral("client-42")));
    EXPECT_EQ(value(QStringLiteral("SELECT wamid FROM messages WHERE client_id = 'client-42'")).toString(), QStringLiteral("wamid.found"));
    EXPECT_EQ(value(QStringLiteral("SELECT status FROM messages WHERE client_id = 'client-42'")).toInt(), int(DeliveryStatus::Delivered));
}

TEST_P(WebhookIngestorTest, CustomersAreMatchedByWaIdOrBusinessScopedUserId)
{
    ingestOk(textFrom(kLucia, QStringLiteral("wamid.a"), QStringLiteral("Hola")));
    // Later payloads carry both ids; then one carries only the user id.
    Payloads::Sender withUserId = kLucia;
    withUserId.userId = QStringLiteral("CO.123456");
    ingestOk(textFrom(withUserId, QStringLiteral("wamid.b"), QStringLiteral("¿Hay envío?")));
    const Payloads::Sender onlyUserId{QString(), QStringLiteral("Lucía"), QStringLiteral("CO.123456")};
    QJsonObject message = Payloads::textMessage(QStringLiteral("wamid.c"), onlyUserId, kMonday, QStringLiteral("Gracias"));
    message.remove(QStringLiteral("from"));
    message.insert(QStringLiteral("from_user_id"), onlyUserId.userId);
    ingestOk(batchOf(Payloads::envelope(kShop, {onlyUserId}, {message})));

    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 1);
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(), 1);
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 3);
    EXPECT_EQ(value(QStringLiteral("SELECT user_id FROM customers")).toString(), QStringLiteral("CO.123456"));
}

TEST_P(WebhookIngestorTest, EditsAndRevokesChangeTheirTarget)
{
    ingestOk(textFrom(kLucia, QStringLiteral("wamid.orig"), QStringLiteral("Quiero 2")));
    ingestOk(batchOf(Payloads::envelope(kShop, {kLucia}, {Payloads::message(
        QStringLiteral("wamid.edit"), kLucia, kMonday.addSecs(10), QStringLiteral("edit"),
        {{QStringLiteral("original_message_id"), QStringLiteral("wamid.orig")},
         {QStringLiteral("message"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                 {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), QStringLiteral("Quiero 3")}}}}}})})));
    EXPECT_EQ(value(QStringLiteral("SELECT body FROM messages WHERE wamid = 'wamid.orig'")).toString(), QStringLiteral("Quiero 3"));
    EXPECT_EQ(value(QStringLiteral("SELECT edited FROM messages WHERE wamid = 'wamid.orig'")).toInt(), 1);

    ingestOk(batchOf(Payloads::envelope(kShop, {kLucia}, {Payloads::message(
        QStringLiteral("wamid.revoke"), kLucia, kMonday.addSecs(20), QStringLiteral("revoke"),
        {{QStringLiteral("original_message_id"), QStringLiteral("wamid.orig")}})})));
    EXPECT_EQ(value(QStringLiteral("SELECT revoked FROM messages WHERE wamid = 'wamid.orig'")).toInt(), 1);
    // Still one unread: edits and revokes are not new customer messages.
    EXPECT_EQ(value(QStringLiteral("SELECT unread_count FROM conversations")).toInt(), 1);
}

TEST_P(WebhookIngestorTest, WhatIsNotAMessageIsKeptRaw)
{
    const auto parsed = WebhookParser::parse(QByteArrayLiteral(
        R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"account_update","value":{"event":"ACCOUNT_VIOLATION"}}]}]})"));
    ASSERT_TRUE(parsed.ok);
    ingestOk(parsed.batch);
    EXPECT_EQ(value(QStringLiteral("SELECT field FROM webhook_other")).toString(), QStringLiteral("account_update"));
    EXPECT_TRUE(value(QStringLiteral("SELECT payload_json FROM webhook_other")).toString().contains(QLatin1String("ACCOUNT_VIOLATION")));
}

TEST_P(WebhookIngestorTest, EveryMessageOfABatchIsFoundBySearchOnceStored)
{
    const Payloads::Sender diego{QStringLiteral("573009998877"), QStringLiteral("Diego"), QString()};
    const QJsonObject edit = Payloads::message(
        QStringLiteral("wamid.b3"), kLucia, kMonday.addSecs(30), QStringLiteral("edit"),
        {{QStringLiteral("original_message_id"), QStringLiteral("wamid.b2")},
         {QStringLiteral("message"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                 {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), QStringLiteral("Mejor la mesa de roble")}}}}}});
    // One batch: two customers, and an edit of a message that came in the same batch.
    ingestOk(batchOf(Payloads::envelope(kShop, {kLucia, diego},
                                        {Payloads::textMessage(QStringLiteral("wamid.b1"), kLucia, kMonday, QStringLiteral("¿Tenéis la lámpara Nube?")),
                                         Payloads::textMessage(QStringLiteral("wamid.b2"), kLucia, kMonday.addSecs(10), QStringLiteral("Y una silla de pino")),
                                         Payloads::textMessage(QStringLiteral("wamid.b4"), diego, kMonday.addSecs(20), QStringLiteral("La lámpara llegó rota")),
                                         edit})));
    EXPECT_EQ(found(QStringLiteral("lampara")), (QStringList{QStringLiteral("wamid.b1"), QStringLiteral("wamid.b4")}));
    EXPECT_TRUE(found(QStringLiteral("roble")).contains(QStringLiteral("wamid.b2"))) << "the edited message, by its new text";
    EXPECT_TRUE(found(QStringLiteral("pino")).isEmpty()) << "the text before the edit is no longer found";
    expectSearchIndexIntact();

    // What other parts of Mostrador write (the outbox) is indexed as it is written, as before.
    insertOutgoing(QStringLiteral("wamid.out"));
    EXPECT_EQ(found(QStringLiteral("claro")), QStringList{QStringLiteral("wamid.out")});
    expectSearchIndexIntact();
}

TEST_P(WebhookIngestorTest, AMessageTheStoreRefusesIsKeptAsideWithoutHoldingBackTheOthers)
{
    // The database refuses the batch's second message (found by fuzzing: one message that could
    // not be stored used to fail its whole batch, and every batch grouped with it, for days).
    if (database->dialect().isSqlite()) {
        ASSERT_FALSE(database->exec(QStringLiteral("CREATE TRIGGER refuse AFTER INSERT ON messages WHEN new.body = 'boom' "
                                                   "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END")).isError());
    } else {
        ASSERT_FALSE(database->exec(QStringLiteral(
            "CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN IF NEW.body = 'boom' THEN "
            "RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")).isError());
        ASSERT_FALSE(database->exec(QStringLiteral(
            "CREATE TRIGGER refuse AFTER INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_boom()")).isError());
    }
    const auto outcome = ingestor->ingest(batchOf(Payloads::envelope(
        kShop, {kLucia},
        {Payloads::textMessage(QStringLiteral("wamid.ok"), kLucia, kMonday, QStringLiteral("Una lámpara, por favor")),
         Payloads::textMessage(QStringLiteral("wamid.boom"), kLucia, kMonday.addSecs(1), QStringLiteral("boom"))})));
    ASSERT_FALSE(outcome.error.isError()) << outcome.error.detail.toStdString();
    EXPECT_EQ(outcome.newMessages, 1);
    EXPECT_EQ(outcome.keptAside, 1);
    EXPECT_EQ(value(QStringLiteral("SELECT wamid FROM messages")).toString(), QStringLiteral("wamid.ok"));
    EXPECT_TRUE(value(QStringLiteral("SELECT reason FROM webhook_other WHERE field = 'messages'")).toString().contains(QLatin1String("refused for the test")));
    EXPECT_TRUE(value(QStringLiteral("SELECT payload_json FROM webhook_other WHERE field = 'messages'")).toString().contains(QLatin1String("wamid.boom")));
    if (database->dialect().isSqlite()) {
        EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM search_batch_open")).toInt(), 0);
    }
    EXPECT_EQ(found(QStringLiteral("lampara")), QStringList{QStringLiteral("wamid.ok")});

    // The next batch and the outbox are both indexed.
    ingestOk(textFrom(kLucia, QStringLiteral("wamid.again"), QStringLiteral("Una lámpara, por favor")));
    EXPECT_EQ(found(QStringLiteral("lampara")).size(), 2);
    insertOutgoing(QStringLiteral("wamid.out"));
    EXPECT_EQ(found(QStringLiteral("claro")), QStringList{QStringLiteral("wamid.out")});
    expectSearchIndexIntact();
}

// clang-format off
// Coexistence: the WhatsApp Business app's history arrives in chunks out of order, a photo
// first as a placeholder and later with its file; contacts from the app's address book; a
// refusal to share. History is kept as imported, opens no window, makes nothing unread and wakes
// no automatic reply (it is not announced as new messages).
TEST_P(WebhookIngestorTest, TheBusinessAppsHistoryAndContactsComeInAsHistory)
{
    const QDateTime before = kMonday.addDays(-30);
    const Payloads::Sender jordi{QStringLiteral("34611223344"), QStringLiteral("Jordi")};
    QSignalSpy announced(ingestor.get(), &WebhookIngestor::conversationsChanged);
    QSignalSpy history(ingestor.get(), &WebhookIngestor::historyStored);

    // Chunk 2 first, then chunk 1.
    ingestOk(batchOf(Payloads::historyChunk(kShop, 1, 2, 80, {{jordi.waId, {Payloads::textMessage(QStringLiteral("wamid.h3"), jordi, before.addDays(2), QStringLiteral("¿Me guardáis el jarrón?"))}, {QStringLiteral("delivered")}}})));
    ingestOk(batchOf(Payloads::historyChunk(kShop, 1, 1, 55, {{kLucia.waId,
        {Payloads::textMessage(QStringLiteral("wamid.h1"), kLucia, before, QStringLiteral("Hola, ¿la manta gris?")),
         Payloads::agentReply(QStringLiteral("wamid.h2"), kShop, kLucia, before.addSecs(600), QStringLiteral("Sí, nos quedan dos")),
         Payloads::message(QStringLiteral("wamid.h4"), kLucia, before.addSecs(900), QStringLiteral("media_placeholder"), {})},
        {QString(), QStringLiteral("read"), QString()}}})));
    EXPECT_EQ(value(QStringLiteral("SELECT value FROM settings WHERE key = 'coexistence/history_progress'")).toString(), QStringLiteral("80"))
        << "the furthest chunk counts, whatever came last";
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE imported = 1")).toInt(), 4);
    EXPECT_EQ(value(QStringLiteral("SELECT status FROM messages WHERE wamid = 'wamid.h2'")).toInt(), int(DeliveryStatus::Read));
    EXPECT_EQ(value(QStringLiteral("SELECT direction FROM messages WHERE wamid = 'wamid.h2'")).toString(), QStringLiteral("out"));
    EXPECT_TRUE(value(QStringLiteral("SELECT MAX(last_inbound_at) FROM conversations")).isNull()) << "no window opened";
    EXPECT_EQ(value(QStringLiteral("SELECT SUM(unread_count) FROM conversations")).toInt(), 0);
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE status = 'resolved'")).toInt(), 2);
    EXPECT_EQ(announced.count(), 0) << "nothing to answer or notify";
    EXPECT_EQ(history.count(), 2);

    // The photo's file comes later and fills the placeholder in.
    ingestOk(batchOf(Payloads::historyChunk(kShop, 0, 1, 100, {{kLucia.waId,
        {Payloads::message(QStringLiteral("wamid.h4"), kLucia, before.addSecs(900), QStringLiteral("image"),
                           {{QStringLiteral("id"), QStringLiteral("media-77")}, {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                            {QStringLiteral("caption"), QStringLiteral("Esta")}})}, {}}})));
    EXPECT_EQ(value(QStringLiteral("SELECT kind FROM messages WHERE wamid = 'wamid.h4'")).toString(), QStringLiteral("image"));
    EXPECT_EQ(value(QStringLiteral("SELECT media_id FROM messages WHERE wamid = 'wamid.h4'")).toString(), QStringLiteral("media-77"));
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 4);
    EXPECT_EQ(value(QStringLiteral("SELECT value FROM settings WHERE key = 'coexistence/history_progress'")).toString(), QStringLiteral("100"));

    // The app's contacts name customers for the shop and add those not known yet.
    ingestOk(batchOf(Payloads::appContacts(kShop, {{kLucia.waId, QStringLiteral("Lucía Gómez (Chapinero)")},
                                                   {QStringLiteral("573105550199"), QStringLiteral("Álvaro Ruiz")},
                                                   {jordi.waId, QString()}},
                                           kMonday)));
    EXPECT_EQ(value(QStringLiteral("SELECT display_name FROM customers WHERE wa_id = ?"), {kLucia.waId}).toString(),
              QStringLiteral("Lucía Gómez (Chapinero)"));
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 3) << "a removed contact stays a customer";

    // A real message afterwards opens the window as always.
    ingestOk(textFrom(kLucia, QStringLiteral("wamid.live"), QStringLiteral("¡Hola de nuevo!")));
    EXPECT_FALSE(value(QStringLiteral("SELECT last_inbound_at FROM conversations WHERE id = (SELECT conversation_id FROM messages WHERE wamid = 'wamid.live')")).isNull());
    EXPECT_EQ(announced.count(), 1);

    // Declined on the phone.
    ingestOk(batchOf(Payloads::historyDeclined(kShop)));
    EXPECT_EQ(value(QStringLiteral("SELECT value FROM settings WHERE key = 'coexistence/history_declined'")).toString(), QStringLiteral("1"));
}

INSTANTIATE_TEST_SUITE_P(Backends, WebhookIngestorTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
