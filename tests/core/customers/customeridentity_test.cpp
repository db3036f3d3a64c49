// One customer, one history, whatever form their identity arrives in: phone-based wa_id in
// WhatsApp's or people's form, business-scoped user id, username; merged when WhatsApp says one
// became another. On SQLite and PostgreSQL.

#include "outbox/outbox.h"
#include "qtprinting.h"
#include "sandbox/webhookpayloads.h"
#include "storedhistory.h"
#include "outbox/outgoingstore.h"
#include "inbox/labelstore.h"
#include "inbox/shopeditstore.h"
#include "conversations/conversationstore.h"
#include "webhook/webhookparser.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::WebhookPayloads;

namespace {

const Payloads::Business kShop{QStringLiteral("waba-1"), QStringLiteral("phone-1"), QStringLiteral("34910000000")};
const QDateTime kMonday = QDateTime(QDate(2026, 11, 16), QTime(10, 0), Qt::UTC);

WebhookBatch batchOf(const QJsonObject &payload)
{
    const auto parsed = WebhookParser::parse(QJsonDocument(payload).toJson());
    EXPECT_TRUE(parsed.ok) << qPrintable(parsed.error);
    return parsed.batch;
}

QJsonObject systemMessage(const QString &wamid, const Payloads::Sender &from, const QJsonObject &system)
{
    return Payloads::message(wamid, from, kMonday.addSecs(600), QStringLiteral("system"), system);
}

class CustomerIdentityTest : public IngestingStoreTest
{
protected:
    void writes(const Payloads::Sender &sender, const QString &wamid, const QString &text, int minutes = 0)
    {
        const auto outcome = ingestor->ingest(
            batchOf(Payloads::envelope(kShop, {sender}, {Payloads::textMessage(wamid, sender, kMonday.addSecs(60 * minutes), text)})));
        ASSERT_FALSE(outcome.error.isError()) << outcome.error.detail.toStdString();
    }

    int customers() { return scalar(*database, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(); }
    int conversations() { return scalar(*database, QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(); }
    QVariant column(const QString &name) { return scalar(*database, QStringLiteral("SELECT %1 FROM customers").arg(name)); }
};

} // namespace

TEST_P(CustomerIdentityTest, APhoneCustomerWhoArrivesWithAUserIdAndUsernameStaysOne)
{
    writes({QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez")}, QStringLiteral("wamid.1"), QStringLiteral("Hola"));
    writes({QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez"), QStringLiteral("CO.1349120865530274"), QStringLiteral("lucia.g")},
           QStringLiteral("wamid.2"), QStringLiteral("¿Sigue la lámpara?"), 1);
    // Thirty days later WhatsApp leaves the number out.
    writes({QString(), QStringLiteral("Lucía Gómez"), QStringLiteral("CO.1349120865530274"), QStringLiteral("lucia.g")},
           QStringLiteral("wamid.3"), QStringLiteral("Ya la compré"), 2);
    EXPECT_EQ(customers(), 1);
    EXPECT_EQ(conversations(), 1);
    EXPECT_EQ(column(QStringLiteral("wa_id")).toString(), QStringLiteral("573001112233"));
    EXPECT_EQ(column(QStringLiteral("user_id")).toString(), QStringLiteral("CO.1349120865530274"));
    EXPECT_EQ(column(QStringLiteral("username")).toString(), QStringLiteral("lucia.g"));
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 3);
}

TEST_P(CustomerIdentityTest, ACustomerKnownOnlyByUserIdIsStoredAndReachedByRecipient)
{
    writes({QString(), QStringLiteral("Valentina"), QStringLiteral("MX.88231990012"), QStringLiteral("vale.decora")},
           QStringLiteral("wamid.v1"), QStringLiteral("¿Hacen envíos a Monterrey?"));
    EXPECT_TRUE(column(QStringLiteral("wa_id")).isNull());
    // Found in search by the user name as well.
    ConversationStore reader(*database);
    StoreError searchError;
    const QList<SearchHit> hits = reader.search(QStringLiteral("decora"), 10, &searchError);
    ASSERT_FALSE(searchError.isError()) << searchError.detail.toStdString();
    EXPECT_TRUE(std::any_of(hits.cbegin(), hits.cend(), [](const SearchHit &hit) { return hit.messageId == 0; }))
        << "the customer, by user name";
    // The shop answers: the outbox finds the customer by their id and addresses `recipient`.
    OutgoingStore outgoing(*database);
    StoreError error;
    const auto conversation = outgoing.conversationForCustomer(QStringLiteral("MX.88231990012"), kShop.phoneNumberId, &error);
    ASSERT_TRUE(conversation) << error.detail.toStdString();
    EXPECT_EQ(conversations(), 1);
    const auto message = outgoing.enqueue(*conversation, MessageKind::Text, QStringLiteral("Sí"), QJsonObject{}, false, &error);
    ASSERT_TRUE(message);
    const auto stored = outgoing.find(message->id, &error);
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->recipient.waId.isEmpty());
    EXPECT_EQ(stored->recipient.userId, QStringLiteral("MX.88231990012"));
}

TEST_P(CustomerIdentityTest, TwoIdentifiersThatMeetInOneBatchMergeInsteadOfFailingIt)
{
    // Found by fuzzing: one wa_id and one user_id held by two customers, then tied together.
    const Payloads::Sender byNumber{QStringLiteral("34644556677"), QStringLiteral("Diego")};
    const Payloads::Sender byId{QString(), QStringLiteral("Diego"), QStringLiteral("ES.55120033")};
    const Payloads::Sender both{QStringLiteral("34644556677"), QStringLiteral("Diego"), QStringLiteral("ES.55120033")};
    const auto outcome = ingestor->ingest(batchOf(Payloads::envelope(
        kShop, {byNumber, byId, both},
        {Payloads::textMessage(QStringLiteral("wamid.a"), byNumber, kMonday, QStringLiteral("uno")),
         Payloads::textMessage(QStringLiteral("wamid.b"), byId, kMonday.addSecs(60), QStringLiteral("dos")),
         Payloads::textMessage(QStringLiteral("wamid.c"), both, kMonday.addSecs(120), QStringLiteral("tres"))})));
    ASSERT_FALSE(outcome.error.isError()) << outcome.error.detail.toStdString();
    EXPECT_EQ(outcome.newMessages, 3);
    EXPECT_EQ(customers(), 1);
    EXPECT_EQ(conversations(), 1);
    EXPECT_EQ(column(QStringLiteral("wa_id")).toString(), QStringLiteral("34644556677"));
    EXPECT_EQ(column(QStringLiteral("user_id")).toString(), QStringLiteral("ES.55120033"));
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT unread_count FROM conversations")).toInt(), 3);
}

TEST_P(CustomerIdentityTest, MexicanAndArgentinianNumbersAreOneCustomerWhicheverFormCameFirst)
{
    // The shop wrote first to the numbers as people write them.
    OutgoingStore outgoing(*database);
    StoreError error;
    const auto mexico = outgoing.conversationForCustomer(QStringLiteral("525512345678"), kShop.phoneNumberId, &error);
    const auto argentina = outgoing.conversationForCustomer(QStringLiteral("541123456789"), kShop.phoneNumberId, &error);
    ASSERT_TRUE(mexico && argentina);
    // Then they write, under WhatsApp's forms.
    writes({QStringLiteral("5215512345678"), QStringLiteral("Ximena")}, QStringLiteral("wamid.mx"), QStringLiteral("Hola"));
    writes({QStringLiteral("5491123456789"), QStringLiteral("Facundo")}, QStringLiteral("wamid.ar"), QStringLiteral("Buenas"));
    EXPECT_EQ(customers(), 2);
    EXPECT_EQ(conversations(), 2);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT v.id FROM conversations v JOIN messages m ON m.conversation_id = v.id "
                                               "WHERE m.wamid = 'wamid.mx'")).toLongLong(), *mexico);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT wa_id FROM customers WHERE profile_name = 'Ximena'")).toString(),
              QStringLiteral("5215512345678")) << "WhatsApp's form is kept";
    // And the shop writing again by either form finds the same conversation.
    EXPECT_EQ(outgoing.conversationForCustomer(QStringLiteral("5491123456789"), kShop.phoneNumberId, &error), argentina);
}

TEST_P(CustomerIdentityTest, ANumberChangeTakesTheHistoryLabelsAndNotesAlong)
{
    writes({QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez")}, QStringLiteral("wamid.old"), QStringLiteral("Hola"));
    const qint64 first = scalar(*database, QStringLiteral("SELECT id FROM conversations")).toLongLong();
    LabelStore labels(*database);
    ASSERT_FALSE(labels.seedIfEmpty({{QStringLiteral("Pagado"), QStringLiteral("#1fa67a")}}).isError());
    StoreError error;
    const qint64 paid = labels.labels(&error).first().id;
    ASSERT_FALSE(labels.setLabel(first, paid, true).isError());
    ShopEditStore edits(*database);
    ASSERT_FALSE(edits.setNotes(scalar(*database, QStringLiteral("SELECT id FROM customers")).toLongLong(),
                                 QStringLiteral("Talla M")).isError());
    // Meanwhile the shop had typed her new number as a new customer.
    OutgoingStore outgoing(*database);
    ASSERT_TRUE(outgoing.conversationForCustomer(QStringLiteral("573009998877"), kShop.phoneNumberId, &error));
    ASSERT_EQ(customers(), 2);

    const Payloads::Sender lucia{QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez")};
    const auto outcome = ingestor->ingest(batchOf(Payloads::envelope(
        kShop, {lucia},
        {systemMessage(QStringLiteral("wamid.change"), lucia,
                       {{QStringLiteral("body"), QStringLiteral("User Lucía Gómez changed from 573001112233 to 573009998877")},
                        {QStringLiteral("wa_id"), QStringLiteral("573009998877")},
                        {QStringLiteral("type"), QStringLiteral("user_changed_number")}})})));
    ASSERT_FALSE(outcome.error.isError()) << outcome.error.detail.toStdString();
    EXPECT_EQ(customers(), 1);
    EXPECT_EQ(conversations(), 1);
    EXPECT_EQ(column(QStringLiteral("wa_id")).toString(), QStringLiteral("573009998877"));
    EXPECT_EQ(column(QStringLiteral("notes")).toString(), QStringLiteral("Talla M"));
    const qint64 kept = scalar(*database, QStringLiteral("SELECT id FROM conversations")).toLongLong();
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM conversation_labels WHERE conversation_id = ?"), {kept}).toInt(), 1);
    // Her next message, from the new number, lands in the same history.
    writes({QStringLiteral("573009998877"), QStringLiteral("Lucía Gómez")}, QStringLiteral("wamid.new"), QStringLiteral("Ya tengo número nuevo"), 20);
    EXPECT_EQ(conversations(), 1);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id = ?"), {kept}).toInt(), 3);
}

TEST_P(CustomerIdentityTest, AUserIdChangeKeepsThePerson)
{
    writes({QString(), QStringLiteral("Valentina"), QStringLiteral("MX.1111"), QStringLiteral("vale")}, QStringLiteral("wamid.v1"),
           QStringLiteral("Hola"));
    const Payloads::Sender vale{QString(), QStringLiteral("Valentina"), QStringLiteral("MX.1111")};
    ASSERT_FALSE(ingestor->ingest(batchOf(Payloads::envelope(
                                      kShop, {vale},
                                      {systemMessage(QStringLiteral("wamid.v2"), vale,
                                                     {{QStringLiteral("body"), QStringLiteral("User changed")},
                                                      {QStringLiteral("user_id"), QStringLiteral("MX.2222")},
                                                      {QStringLiteral("type"), QStringLiteral("user_changed_user_id")}})})))
                     .error.isError());
    writes({QString(), QStringLiteral("Valentina"), QStringLiteral("MX.2222"), QStringLiteral("vale")}, QStringLiteral("wamid.v3"),
           QStringLiteral("Sigo aquí"), 30);
    EXPECT_EQ(customers(), 1);
    EXPECT_EQ(conversations(), 1);
    EXPECT_EQ(column(QStringLiteral("user_id")).toString(), QStringLiteral("MX.2222"));
}

TEST_P(CustomerIdentityTest, AStatusForASendToAUserIdIsApplied)
{
    writes({QString(), QStringLiteral("Valentina"), QStringLiteral("MX.1111")}, QStringLiteral("wamid.v1"), QStringLiteral("Hola"));
    OutgoingStore outgoing(*database);
    StoreError error;
    const auto conversation = outgoing.conversationForCustomer(QStringLiteral("MX.1111"), kShop.phoneNumberId, &error);
    const auto message = outgoing.enqueue(*conversation, MessageKind::Text, QStringLiteral("Sí"), QJsonObject{}, false, &error);
    ASSERT_TRUE(message);
    ASSERT_FALSE(outgoing.markAccepted(message->id, QStringLiteral("wamid.out")).isError());
    const QJsonObject status = Payloads::status(QStringLiteral("wamid.out"), QStringLiteral("MX.1111"), QStringLiteral("delivered"),
                                                kMonday.addSecs(60));
    EXPECT_TRUE(status.contains(QLatin1String("recipient_user_id")));
    EXPECT_FALSE(status.contains(QLatin1String("recipient_id")));
    const WebhookBatch batch = batchOf(Payloads::envelope(kShop, {}, {}, {status}));
    ASSERT_EQ(batch.statuses.size(), 1);
    EXPECT_EQ(batch.statuses.first().recipientUserId, QStringLiteral("MX.1111"));
    ASSERT_FALSE(ingestor->ingest(batch).error.isError());
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT status FROM messages WHERE wamid = 'wamid.out'")).toInt(), int(DeliveryStatus::Delivered));
}

INSTANTIATE_TEST_SUITE_P(Backends, CustomerIdentityTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
