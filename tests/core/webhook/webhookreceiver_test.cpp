#include "webhook/webhookreceiver.h"

#include "qtprinting.h"
#include "sandbox/webhookpayloads.h"
#include "webhook/webhookingestor.h"
#include "temporarystore.h"
#include "webhook/signature.h"

#include <QTemporaryDir>
#include <QFile>
#include <QDir>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::WebhookPayloads;

namespace {

const QByteArray kSecret = "shop-app-secret";

struct Answer {
    int status = 0;
    QByteArray body;
};

class WebhookReceiverTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        database = store.open();
        ASSERT_NE(database, nullptr);
        ingestor = std::make_unique<WebhookIngestor>(*database);
        WebhookReceiver::Settings settings;
        settings.appSecret = kSecret;
        settings.verifyToken = QStringLiteral("verify-me");
        settings.maxBodyBytes = 64 * 1024;
        receiver = std::make_unique<WebhookReceiver>(settings, *ingestor);
        ASSERT_NE(receiver->listen(QHostAddress::LocalHost, 0), 0);
    }

    QUrl url(const QString &path = QStringLiteral("/webhook")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(receiver->port()).arg(path));
    }

    Answer wait(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        reply->deleteLater();
        return answer;
    }

    Answer post(const QByteArray &body, const QByteArray &signature)
    {
        QNetworkRequest request(url());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!signature.isNull())
            request.setRawHeader("X-Hub-Signature-256", signature);
        return wait(network.post(request, body));
    }

    Answer postSigned(const QByteArray &body) { return post(body, WebhookSignature::headerValue(kSecret, body)); }

    int storedMessages() { return scalar(*database, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(); }

    static QByteArray sampleBody()
    {
        const Payloads::Sender sender{QStringLiteral("34600111222"), QStringLiteral("Marta"), QString()};
        return QJsonDocument(Payloads::envelope(
            {QStringLiteral("waba"), QStringLiteral("phone"), QStringLiteral("34910000000")}, {sender},
            {Payloads::textMessage(QStringLiteral("wamid.r1"), sender, QDateTime::currentDateTimeUtc(),
                                   QStringLiteral("¿Abrís el sábado?"))})).toJson(QJsonDocument::Compact);
    }

    TemporaryStore store;
    std::unique_ptr<Database> database;
    std::unique_ptr<WebhookIngestor> ingestor;
    std::unique_ptr<WebhookReceiver> receiver;
    QNetworkAccessManager network;
};

} // namespace

TEST_F(WebhookReceiverTest, AnswersTheVerificationHandshake)
{
    QUrl good = url();
    good.setQuery(QStringLiteral("hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444"));
    const Answer accepted = wait(network.get(QNetworkRequest(good)));
    EXPECT_EQ(accepted.status, 200);
    EXPECT_EQ(accepted.body, QByteArrayLiteral("1158201444"));

    QUrl bad = url();
    bad.setQuery(QStringLiteral("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"));
    EXPECT_EQ(wait(network.get(QNetworkRequest(bad))).status, 403);
    EXPECT_EQ(receiver->counters().verifications, 1u);
    EXPECT_EQ(receiver->counters().failedVerifications, 1u);
}

TEST_F(WebhookReceiverTest, StoresSignedEventsBeforeAnswering200)
{
    const Answer answer = postSigned(sampleBody());
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(storedMessages(), 1);
    EXPECT_EQ(receiver->counters().accepted, 1u);
    // Meta retries: the second delivery is accepted and stored once.
    EXPECT_EQ(postSigned(sampleBody()).status, 200);
    EXPECT_EQ(storedMessages(), 1);
}

TEST_F(WebhookReceiverTest, RejectsMissingAndWrongSignaturesAndCountsThem)
{
    EXPECT_EQ(post(sampleBody(), QByteArray()).status, 401);
    EXPECT_EQ(post(sampleBody(), WebhookSignature::headerValue("not-the-secret", sampleBody())).status, 403);
    // A body altered after signing.
    const QByteArray signature = WebhookSignature::headerValue(kSecret, sampleBody());
    EXPECT_EQ(post(sampleBody().replace("sábado", "domingo"), signature).status, 403);
    EXPECT_EQ(receiver->counters().badSignature, 3u);
    EXPECT_EQ(storedMessages(), 0);
}

TEST_F(WebhookReceiverTest, MalformedJsonGets400WithAReason)
{
    const Answer answer = postSigned(QByteArrayLiteral("{\"entry\": [ this is not json"));
    EXPECT_EQ(answer.status, 400);
    EXPECT_TRUE(answer.body.contains("not valid JSON")) << answer.body.constData();
    EXPECT_EQ(receiver->counters().malformed, 1u);
}

TEST_F(WebhookReceiverTest, OversizedBodiesAreRefused)
{
    const QByteArray huge = "{\"pad\":\"" + QByteArray(100 * 1024, 'x') + "\"}";
    EXPECT_EQ(postSigned(huge).status, 413);
    EXPECT_EQ(receiver->counters().oversized, 1u);
}

TEST_F(WebhookReceiverTest, AStoreThatCannotWriteMakesMetaRetry)
{
    // Another connection holds the write lock past the busy timeout: the commit cannot happen,
    // so the answer must not be 200.
    ASSERT_TRUE(database->exec(QStringLiteral("PRAGMA busy_timeout=100")).kind == StoreError::Kind::None);
    auto blocker = store.open();
    ASSERT_FALSE(blocker->exec(QStringLiteral("BEGIN IMMEDIATE")).isError());
    const Answer answer = postSigned(sampleBody());
    EXPECT_EQ(answer.status, 503);
    EXPECT_EQ(receiver->counters().storeFailures, 1u);
    blocker->rollback();
    EXPECT_EQ(postSigned(sampleBody()).status, 200);
    EXPECT_EQ(storedMessages(), 1);
}

TEST_F(WebhookReceiverTest, HealthEndpointReportsCounters)
{
    postSigned(sampleBody());
    const Answer answer = wait(network.get(QNetworkRequest(url(QStringLiteral("/healthz")))));
    EXPECT_EQ(answer.status, 200);
    const QJsonObject health = QJsonDocument::fromJson(answer.body).object();
    EXPECT_EQ(health.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    EXPECT_EQ(health.value(QLatin1String("accepted")).toInt(), 1);
}

TEST_F(WebhookReceiverTest, ACallerThatHangsUpBeforeTheAnswerLosesNothingAndBreaksNothing)
{
    const QByteArray body = sampleBody();
    const QByteArray request = "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "X-Hub-Signature-256: " + WebhookSignature::headerValue(kSecret, body)
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, receiver->port());
        ASSERT_TRUE(socket.waitForConnected(3000));
        socket.write(request);
        ASSERT_TRUE(socket.waitForBytesWritten(3000));
        socket.abort(); // gone before the group commit answers
    }
    // The receiver keeps working, and what it got is stored (Meta would deliver it again anyway).
    ASSERT_TRUE(QTest::qWaitFor([&] { return storedMessages() == 1; }, 3000));
    QTest::qWait(50);
    EXPECT_EQ(postSigned(body).status, 200);
    EXPECT_EQ(storedMessages(), 1);
}

TEST_F(WebhookReceiverTest, TeamMediaNeedsTheTokenAndServesOnlyStoredNames)
{
    QTemporaryDir folder;
    const QByteArray data("a customer's photo");
    const QString name = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()) + QStringLiteral(".jpg");
    QFile file(QDir(folder.path()).filePath(name));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(data);
    file.close();
    WebhookReceiver::Settings settings;
    settings.appSecret = kSecret;
    settings.mediaFolder = folder.path();
    settings.mediaToken = "team-token";
    WebhookReceiver team(settings, *ingestor);
    const quint16 port = team.listen(QHostAddress::LocalHost, 0);
    const auto get = [&](const QString &path, const QByteArray &token) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        return wait(network.get(request));
    };
    EXPECT_EQ(get(QStringLiteral("/media/") + name, {}).status, 401);
    EXPECT_EQ(get(QStringLiteral("/media/") + name, "wrong").status, 401);
    const Answer ok = get(QStringLiteral("/media/") + name, "team-token");
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.body, data);
    EXPECT_EQ(get(QStringLiteral("/media/shop.db"), "team-token").status, 400) << "only SHA-256 names";
    const Answer escape = get(QStringLiteral("/media/..%2F..%2Fetc%2Fpasswd"), "team-token");
    EXPECT_NE(escape.status, 200);
    EXPECT_TRUE(escape.body.isEmpty());
    EXPECT_EQ(get(QStringLiteral("/media/") + QString(64, QLatin1Char('0')) + QStringLiteral(".png"), "team-token").status, 404);
    EXPECT_EQ(wait(network.get(QNetworkRequest(url(QStringLiteral("/media/") + name)))).status, 404) << "off without a token configured";
}
