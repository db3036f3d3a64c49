// The full loop on 127.0.0.1: client → sandbox → signed webhook → receiver → store.
#include "api/apitypes.h"
#include "api/downloadmediajob.h"
#include "api/messagepayloads.h"
#include "api/sendmessagejob.h"
#include "api/resumableuploadjob.h"
#include "api/uploadmediajob.h"
#include "outbox/outgoingstore.h"
#include "qtprinting.h"
#include "wireloop.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::MessagePayloads;

namespace {

const QString kCustomer = QStringLiteral("573001112233");

class WireLoopTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_NE(loop.database, nullptr);
        ASSERT_NE(loop.receiver->port(), 0);
        ASSERT_NE(loop.sandbox->port(), 0);
        loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía Gómez"));
    }

    // The customer writes first (opening the 24-hour window) and the message reaches the store.
    void customerWrites(const QString &text)
    {
        ASSERT_TRUE(loop.customerWrites(kCustomer, text));
    }

    // Sends through the store like the outbox does: stored first, then sent, then recorded.
    qint64 sendStored(const QJsonObject &payload, MessageKind kind, const QString &text, std::optional<WireError> *error = nullptr)
    {
        OutgoingStore outgoing(*loop.database);
        StoreError storeError;
        const auto conversation = outgoing.conversationForCustomer(kCustomer, loop.apiConfig().phoneNumberId, &storeError);
        EXPECT_TRUE(conversation.has_value()) << storeError.detail.toStdString();
        const auto message = outgoing.enqueue(*conversation, kind, text, payload, false, &storeError);
        EXPECT_TRUE(message.has_value()) << storeError.detail.toStdString();
        EXPECT_EQ(outgoing.claimForSending(message->id, &storeError), std::optional<bool>(true));
        SendMessageJob *job = await(loop.client->sendMessage(message->payload));
        if (job->succeeded()) {
            EXPECT_FALSE(outgoing.markAccepted(message->id, job->messageId()).isError());
        } else {
            EXPECT_FALSE(outgoing.markFailed(message->id, *job->error()).isError());
            if (error)
                *error = job->error();
        }
        return message->id;
    }

    int statusOf(qint64 id) { return loop.value(QStringLiteral("SELECT status FROM messages WHERE id = ?"), {id}).toInt(); }

    bool waitForStatus(qint64 id, DeliveryStatus status)
    {
        return QTest::qWaitFor([&] { return statusOf(id) == int(status); }, 5000);
    }

    WireLoop loop;
};

} // namespace

TEST_F(WireLoopTest, CustomerMessageArrivesSignedAndIsStored)
{
    customerWrites(QStringLiteral("Hola, ¿tenéis la lámpara Nube en blanco?"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT body FROM messages WHERE direction = 'in'")).toString(),
              QStringLiteral("Hola, ¿tenéis la lámpara Nube en blanco?"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT profile_name FROM customers")).toString(), QStringLiteral("Lucía Gómez"));
    EXPECT_EQ(loop.receiver->counters().badSignature, 0u);
}

TEST_F(WireLoopTest, TextReplyTicksFromSentToRead)
{
    customerWrites(QStringLiteral("¿Hacéis envíos a Medellín?"));
    const QString inbound = loop.value(QStringLiteral("SELECT wamid FROM messages WHERE direction = 'in'")).toString();
    const qint64 id = sendStored(Payloads::text({kCustomer, inbound, {}}, QStringLiteral("¡Sí! Llega en 3 días.")),
                                 MessageKind::Text, QStringLiteral("¡Sí! Llega en 3 días."));
    ASSERT_TRUE(waitForStatus(id, DeliveryStatus::Read)) << "status stayed " << statusOf(id);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM status_events")).toInt(), 3);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT outbox_state FROM messages WHERE id = ?"), {id}).toString(), QStringLiteral("accepted"));
    // The callback data that went out is the stored client id.
    const QJsonObject sent = loop.sandbox->receivedSends().last();
    EXPECT_EQ(sent.value(QLatin1String("biz_opaque_callback_data")).toString(),
              loop.value(QStringLiteral("SELECT client_id FROM messages WHERE id = ?"), {id}).toString());
    EXPECT_EQ(sent.value(QLatin1String("context")).toObject().value(QLatin1String("message_id")).toString(), inbound);
}

TEST_F(WireLoopTest, MediaUploadSendAndDownloadWithChecksum)
{
    customerWrites(QStringLiteral("¿Me mandas una foto?"));
    const QByteArray photo = QByteArrayLiteral("\x89PNG\r\n\x1a\n") + QByteArray(2048, '\x42');
    UploadMediaJob *upload = await(loop.client->uploadMedia(photo, QStringLiteral("image/png"), QStringLiteral("lampara.png")));
    ASSERT_TRUE(upload->succeeded());
    const QString mediaId = upload->mediaId();
    ASSERT_FALSE(mediaId.isEmpty());

    const qint64 id = sendStored(Payloads::media({kCustomer, {}, {}}, Payloads::MediaType::Image, mediaId, QStringLiteral("La Nube, en blanco")),
                                 MessageKind::Image, QStringLiteral("La Nube, en blanco"));
    ASSERT_TRUE(waitForStatus(id, DeliveryStatus::Read));

    // The customer sends a photo back; it is stored, then downloaded and checked.
    const QByteArray theirs = QByteArray(4096, '\x7f');
    const QString theirId = loop.sandbox->addMedia(theirs, QStringLiteral("image/jpeg"));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(theirs, QCryptographicHash::Sha256).toHex());
    const quint64 before = loop.receiver->counters().accepted;
    loop.sandbox->customerSends(kCustomer, QStringLiteral("image"),
                                {{QStringLiteral("id"), theirId}, {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                                 {QStringLiteral("sha256"), sha}, {QStringLiteral("caption"), QStringLiteral("Así la tengo")}});
    ASSERT_TRUE(loop.waitForBatches(before + 1));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT media_id FROM messages WHERE kind = 'image' AND direction = 'in'")).toString(), theirId);

    const QString destination = loop.store.directory() + QStringLiteral("/media.jpg");
    DownloadMediaJob *download = await(loop.client->downloadMedia(theirId, sha, destination));
    ASSERT_TRUE(download->succeeded()) << download->error()->logText().toStdString();
    QFile file(destination);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), theirs);

    // A wrong announced hash: nothing is written.
    const QString rejected = loop.store.directory() + QStringLiteral("/rejected.jpg");
    DownloadMediaJob *bad = await(loop.client->downloadMedia(theirId, QString(64, QLatin1Char('0')), rejected));
    ASSERT_FALSE(bad->succeeded());
    EXPECT_EQ(bad->error()->category, WireError::Category::Media);
    EXPECT_FALSE(QFile::exists(rejected));
}

TEST_F(WireLoopTest, TemplateGoesOutEvenWhenTheWindowIsClosed)
{
    // No message from the customer at all: only a template may be sent.
    const qint64 id = sendStored(Payloads::templateMessage({kCustomer, {}, {}}, QStringLiteral("pedido_listo"), QStringLiteral("es"),
                                                           {QStringLiteral("Lucía"), QStringLiteral("#1042")}),
                                 MessageKind::Text, QStringLiteral("pedido_listo"));
    ASSERT_TRUE(waitForStatus(id, DeliveryStatus::Read));
    // Outside the window a utility template is billed, and Meta's status says so.
    EXPECT_EQ(loop.value(QStringLiteral("SELECT pricing_category FROM messages WHERE id = ?"), {id}).toString(), QStringLiteral("utility"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT pricing_billable FROM messages WHERE id = ?"), {id}).toInt(), 1);
}

// Meta's rules of the day: a reply inside the window was a free service message until
// 30 September 2026 and is billed as one from 1 October 2026.
TEST_F(WireLoopTest, AReplyInsideTheWindowIsAServiceMessageBilledFromOctober2026)
{
    customerWrites(QStringLiteral("¿Tienen cojines?"));
    const qint64 billed = sendStored(Payloads::text({kCustomer, {}, {}}, QStringLiteral("Sí")), MessageKind::Text, QStringLiteral("Sí"));
    ASSERT_TRUE(waitForStatus(billed, DeliveryStatus::Read));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT pricing_category FROM messages WHERE id = ?"), {billed}).toString(), QStringLiteral("service"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT pricing_billable FROM messages WHERE id = ?"), {billed}).toInt(), 1) << "17 November 2026";

    loop.clock.set(QDateTime(QDate(2026, 9, 30), QTime(12, 0), Qt::UTC));
    customerWrites(QStringLiteral("¿Y en azul?"));
    const qint64 free = sendStored(Payloads::text({kCustomer, {}, {}}, QStringLiteral("También")), MessageKind::Text, QStringLiteral("También"));
    ASSERT_TRUE(waitForStatus(free, DeliveryStatus::Read));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT pricing_billable FROM messages WHERE id = ?"), {free}).toInt(), 0) << "30 September 2026";
    EXPECT_TRUE(loop.value(QStringLiteral("SELECT pricing_json FROM messages WHERE id = ?"), {free}).toString().contains(QStringLiteral("free_customer_service")));
}

TEST_F(WireLoopTest, UnknownTemplateIsRefusedAtOnce)
{
    std::optional<WireError> error;
    const qint64 id = sendStored(Payloads::templateMessage({kCustomer, {}, {}}, QStringLiteral("no_existe"), QStringLiteral("es")),
                                 MessageKind::Text, QString(), &error);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, 132001);
    EXPECT_EQ(error->category, WireError::Category::Template);
    EXPECT_FALSE(error->isRetryable());
    EXPECT_EQ(statusOf(id), int(DeliveryStatus::Failed));
    // A pending (not approved) template is refused the same way.
    error.reset();
    sendStored(Payloads::templateMessage({kCustomer, {}, {}}, QStringLiteral("oferta_navidad"), QStringLiteral("es")),
               MessageKind::Text, QString(), &error);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, 132001);
}

TEST_F(WireLoopTest, FreeTextAfter24HoursFailsWith131047AndClosesTheWindow)
{
    customerWrites(QStringLiteral("Gracias"));
    loop.clock.advance(24 * 3600 + 1);
    const qint64 id = sendStored(Payloads::text({kCustomer, {}, {}}, QStringLiteral("¿Algo más?")), MessageKind::Text, QStringLiteral("¿Algo más?"));
    ASSERT_TRUE(waitForStatus(id, DeliveryStatus::Failed));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT error_code FROM messages WHERE id = ?"), {id}).toInt(), 131047);
    EXPECT_FALSE(loop.value(QStringLiteral("SELECT window_closed_at FROM conversations")).isNull());
    EXPECT_EQ(WireError::categorize(131047, 200), WireError::Category::OutsideWindow);
}

TEST_F(WireLoopTest, UnknownNumberFailsWith131026)
{
    OutgoingStore outgoing(*loop.database);
    StoreError error;
    const auto conversation = outgoing.conversationForCustomer(QStringLiteral("34699000000"), loop.apiConfig().phoneNumberId, &error);
    ASSERT_TRUE(conversation);
    const auto message = outgoing.enqueue(*conversation, MessageKind::Text, QStringLiteral("pedido_listo"),
                                          Payloads::templateMessage({QStringLiteral("34699000000"), {}, {}}, QStringLiteral("hello_world"), QStringLiteral("en_US")),
                                          false, &error);
    ASSERT_TRUE(message);
    SendMessageJob *job = await(loop.client->sendMessage(message->payload));
    ASSERT_TRUE(job->succeeded());
    ASSERT_FALSE(outgoing.markAccepted(message->id, job->messageId()).isError());
    ASSERT_TRUE(waitForStatus(message->id, DeliveryStatus::Failed));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT error_code FROM messages WHERE id = ?"), {message->id}).toInt(), 131026);
}

TEST(WireLoopLimits, SendingTooFastIsRateLimitedAndRetryable)
{
    WireLoop loop(QDateTime(QDate(2026, 11, 17), QTime(19, 0), Qt::UTC), 2);
    loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía"));
    std::optional<WireError> error;
    for (int i = 0; i < 3; ++i) {
        SendMessageJob *job = await(loop.client->sendMessage(
            Payloads::templateMessage({kCustomer, {}, {}}, QStringLiteral("hello_world"), QStringLiteral("en_US"))));
        if (!job->succeeded())
            error = job->error();
    }
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, 130429);
    EXPECT_EQ(error->category, WireError::Category::RateLimited);
    EXPECT_TRUE(error->isRetryable());
    EXPECT_FALSE(error->userMessage().isEmpty());
}

TEST_F(WireLoopTest, WrongTokenIsAnAuthError)
{
    ApiConfig config = loop.apiConfig();
    config.accessToken = QStringLiteral("expired");
    CloudApiClient client(config);
    GraphJob *job = await(client.phoneNumberInfo());
    ASSERT_FALSE(job->succeeded());
    EXPECT_EQ(job->error()->code, 190);
    EXPECT_EQ(job->error()->category, WireError::Category::Auth);
    EXPECT_FALSE(job->error()->isRetryable());
}

TEST_F(WireLoopTest, NothingListeningIsANetworkError)
{
    ApiConfig config = loop.apiConfig();
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    CloudApiClient client(config);
    GraphJob *job = await(client.phoneNumberInfo());
    ASSERT_FALSE(job->succeeded());
    EXPECT_EQ(job->error()->category, WireError::Category::Network);
    EXPECT_TRUE(job->error()->isRetryable());
}

TEST_F(WireLoopTest, ProfilePhoneNumberAndTemplatesWithPaging)
{
    GraphJob *profileJob = await(loop.client->businessProfile());
    ASSERT_TRUE(profileJob->succeeded());
    BusinessProfile profile = BusinessProfile::fromJson(profileJob->response());
    EXPECT_EQ(profile.vertical, QStringLiteral("RETAIL"));

    profile.about = QStringLiteral("Abierto de 10 a 20 h");
    ASSERT_TRUE(await(loop.client->updateBusinessProfile(profile))->succeeded());
    EXPECT_EQ(BusinessProfile::fromJson(await(loop.client->businessProfile())->response()).about, QStringLiteral("Abierto de 10 a 20 h"));

    const PhoneNumberInfo phone = PhoneNumberInfo::fromJson(await(loop.client->phoneNumberInfo())->response());
    EXPECT_EQ(phone.verifiedName, QStringLiteral("Casa Nube"));
    EXPECT_EQ(phone.qualityRating, QStringLiteral("GREEN"));
    EXPECT_EQ(phone.customersPerDay(), 10000) << "the portfolio's limit, as Meta answers it since October 2025";
    const auto older = PhoneNumberInfo::fromJson(QJsonDocument::fromJson(R"({"id":"1","messaging_limit_tier":"TIER_1K"})").object());
    EXPECT_EQ(older.customersPerDay(), 1000) << "the number's own tier when the portfolio's is absent";
    const auto both = PhoneNumberInfo::fromJson(
        QJsonDocument::fromJson(R"({"id":"1","messaging_limit_tier":"TIER_1K","whatsapp_business_manager_messaging_limit":"TIER_2K"})").object());
    EXPECT_EQ(both.customersPerDay(), 2000) << "the portfolio's wins";

    QStringList names;
    QString cursor;
    int pages = 0;
    do {
        GraphJob *job = await(loop.client->templates(cursor));
        ASSERT_TRUE(job->succeeded());
        const TemplatesPage page = TemplatesPage::fromJson(job->response());
        for (const MessageTemplate &templ : page.templates)
            names << templ.name;
        cursor = page.nextCursor;
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    EXPECT_TRUE(names.contains(QStringLiteral("pedido_listo")));
    EXPECT_EQ(names.size(), 10);
}

TEST_F(WireLoopTest, MarkReadAndDeleteMedia)
{
    customerWrites(QStringLiteral("Hola"));
    const QString inbound = loop.value(QStringLiteral("SELECT wamid FROM messages")).toString();
    ASSERT_TRUE(await(loop.client->markRead(inbound, true))->succeeded());
    const QJsonObject read = loop.sandbox->receivedSends().last();
    EXPECT_EQ(read.value(QLatin1String("status")).toString(), QStringLiteral("read"));
    EXPECT_EQ(read.value(QLatin1String("typing_indicator")).toObject().value(QLatin1String("type")).toString(), QStringLiteral("text"));

    const QString media = loop.sandbox->addMedia(QByteArrayLiteral("pdf"), QStringLiteral("application/pdf"));
    ASSERT_TRUE(await(loop.client->deleteMedia(media))->succeeded());
    EXPECT_FALSE(await(loop.client->mediaInfo(media))->succeeded());
}

TEST_F(WireLoopTest, ProfilePhotoGoesUpResumablyAndShowsInTheProfile)
{
    QByteArray photo(200 * 1024, '\0');
    for (qsizetype i = 0; i < photo.size(); ++i)
        photo[i] = char(i * 31 % 251);
    // The first transfer breaks after 64 KB, as a dropped connection would.
    loop.sandbox->uploads().setBreakFirstTransferAfter(64 * 1024);
    ResumableUploadJob *upload = loop.client->uploadForHandle(photo, QStringLiteral("image/jpeg"), QStringLiteral("tienda.jpg"));
    QList<qint64> progress;
    QObject::connect(upload, &ApiJob::transferProgress, upload, [&progress](qint64 done, qint64) { progress << done; });
    await(upload);
    ASSERT_TRUE(upload->succeeded()) << (upload->error() ? upload->error()->logText().toStdString() : std::string());
    EXPECT_EQ(upload->resumes(), 1);
    const QString handle = upload->handle(); // the job is gone once the event loop runs again
    EXPECT_TRUE(handle.startsWith(QLatin1String("4:")));
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last(), photo.size());

    BusinessProfile profile = BusinessProfile::fromJson(await(loop.client->businessProfile())->response());
    profile.profilePictureHandle = handle;
    ASSERT_TRUE(await(loop.client->updateBusinessProfile(profile))->succeeded());
    const QString url = BusinessProfile::fromJson(await(loop.client->businessProfile())->response()).profilePictureUrl;
    ASSERT_FALSE(url.isEmpty());
    QNetworkAccessManager network; // public, like pps.whatsapp.net: no token
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url)));
    QSignalSpy done(reply, &QNetworkReply::finished);
    ASSERT_TRUE(done.wait(5000));
    EXPECT_EQ(reply->readAll(), photo) << "every byte, once, in order";
    reply->deleteLater();
}

TEST_F(WireLoopTest, AProfilePhotoWithoutTheAppIdIsRefusedPlainly)
{
    ApiConfig config = loop.apiConfig();
    config.appId = QStringLiteral("999");
    CloudApiClient client(config);
    ResumableUploadJob *upload = await(client.uploadForHandle(QByteArray(10, 'x'), QStringLiteral("image/png"), QStringLiteral("a.png")));
    ASSERT_FALSE(upload->succeeded());
    EXPECT_EQ(upload->error()->code, 100);
}

// Coexistence on the wire: asked once, the sandbox's number sends the WhatsApp Business app's
// contacts and its history in chunks out of order, a photo first as a placeholder; the store
// keeps it all as history. Asked when the owner declined, it says so.
TEST(WireLoopCoexistence, TheAppsContactsAndHistoryComeWhenAsked)
{
    WireLoop loop;
    loop.sandbox->addCustomer(QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez"));
    loop.sandbox->addCustomer(QStringLiteral("34611223344"), QStringLiteral("Jordi Puig"));
    for (const char *type : {"smb_app_state_sync", "history"}) {
        GraphJob *job = await(loop.client->requestAppSync(QLatin1String(type)));
        ASSERT_TRUE(job->succeeded()) << qPrintable(job->error()->logText());
        EXPECT_FALSE(job->response().value(QLatin1String("request_id")).toString().isEmpty());
    }
    ASSERT_TRUE(loop.waitForBatches(4, 10000));
    const auto value = [&](const QString &sql) { return scalar(*loop.database, sql); };
    EXPECT_EQ(value(QStringLiteral("SELECT value FROM settings WHERE key = 'coexistence/history_progress'")).toString(), QStringLiteral("100"));
    EXPECT_EQ(value(QStringLiteral("SELECT display_name FROM customers WHERE wa_id = '573105550111'")).toString(),
              QStringLiteral("Valentina Ruiz")) << "a contact of the app who never wrote is a customer now";
    EXPECT_EQ(value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE imported = 1")).toInt(), 5);
    EXPECT_EQ(value(QStringLiteral("SELECT kind FROM messages WHERE wamid = 'wamid.history.photo'")).toString(), QStringLiteral("image"));
    EXPECT_TRUE(value(QStringLiteral("SELECT MAX(last_inbound_at) FROM conversations")).isNull());

    loop.sandbox->setHistoryShared(false);
    ASSERT_TRUE(await(loop.client->requestAppSync(QStringLiteral("history")))->succeeded());
    ASSERT_TRUE(loop.waitForBatches(5, 10000));
    EXPECT_EQ(value(QStringLiteral("SELECT value FROM settings WHERE key = 'coexistence/history_declined'")).toString(), QStringLiteral("1"));
}
