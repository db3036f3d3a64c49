// Kill the receiver while webhooks pour in, restart, and check that every webhook it answered
// 200 for is in the store exactly once.
#include "processrunner.h"
#include "loopbackhttpserver.h"
#include "sandbox/webhookpayloads.h"
#include "db/database.h"
#include "testenvironment.h"
#include "webhook/signature.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QByteArray kSecret = "crash-test-secret";


std::unique_ptr<QProcess> startServe(const QString &db, quint16 port)
{
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("MOSTRADOR_APP_SECRET"), QString::fromLatin1(kSecret));
    extra.insert(QStringLiteral("MOSTRADOR_VERIFY_TOKEN"), QStringLiteral("v"));
    extra.insert(QStringLiteral("MOSTRADOR_ACCESS_TOKEN"), QStringLiteral("t"));
    extra.insert(QStringLiteral("MOSTRADOR_PHONE_NUMBER_ID"), QStringLiteral("p"));
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(executableEnvironment(extra));
    process->start(binaryDirectory() + QStringLiteral("/mostrador-server"),
                   {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    EXPECT_TRUE(process->waitForStarted());
    EXPECT_TRUE(QTest::qWaitFor([&] { return process->canReadLine() || process->state() != QProcess::Running; }, 10000));
    return process;
}

QByteArray webhookFor(int number)
{
    const WebhookPayloads::Sender sender{QStringLiteral("3460%1").arg(number % 50, 7, 10, QLatin1Char('0')), QStringLiteral("Cliente"), QString()};
    return QJsonDocument(WebhookPayloads::envelope(
        {QStringLiteral("w"), QStringLiteral("p"), QStringLiteral("1")}, {sender},
        {WebhookPayloads::textMessage(QStringLiteral("wamid.crash.%1").arg(number), sender, QDateTime::currentDateTimeUtc(),
                                      QStringLiteral("Mensaje %1").arg(number))})).toJson(QJsonDocument::Compact);
}

} // namespace

TEST(CrashDuringIngest, EveryAcknowledgedWebhookSurvivesExactlyOnce)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    const quint16 port = freeLoopbackPort();
    auto serve = startServe(db, port);
    ASSERT_EQ(serve->state(), QProcess::Running);

    QNetworkAccessManager network;
    QSet<int> acknowledged;
    int started = 0;
    int finished = 0;
    bool killed = false;
    constexpr int kTotal = 600;
    constexpr int kInFlight = 8;
    constexpr int kKillAfter = 200;

    std::function<void()> postNext = [&] {
        if (started >= kTotal)
            return;
        const int number = started++;
        const QByteArray body = webhookFor(number);
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("X-Hub-Signature-256", WebhookSignature::headerValue(kSecret, body));
        QNetworkReply *reply = network.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, number] {
            reply->deleteLater();
            ++finished;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                acknowledged.insert(number);
            if (!killed && acknowledged.size() >= kKillAfter) {
                killed = true;
                serve->kill(); // SIGKILL: no chance to tidy up
            }
            postNext();
        });
    };
    for (int i = 0; i < kInFlight; ++i)
        postNext();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished >= kTotal; }, 60000)) << finished << " of " << kTotal;
    ASSERT_TRUE(killed);
    serve->waitForFinished(5000);
    EXPECT_GE(acknowledged.size(), kKillAfter);
    EXPECT_LT(acknowledged.size(), kTotal) << "the kill came too late to test anything";

    // Restart on the same file: it opens (WAL recovery, quick_check) and holds every
    // acknowledged message exactly once.
    StoreError error;
    auto database = Database::open(StoreLocation::parse(db), &error);
    ASSERT_NE(database, nullptr) << error.detail.toStdString();
    QSqlQuery query(database->connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT wamid, COUNT(*) FROM messages GROUP BY wamid")));
    QSet<int> stored;
    while (query.next()) {
        EXPECT_EQ(query.value(1).toInt(), 1) << query.value(0).toString().toStdString();
        stored.insert(query.value(0).toString().section(QLatin1Char('.'), 2).toInt());
    }
    for (const int number : std::as_const(acknowledged))
        EXPECT_TRUE(stored.contains(number)) << "acknowledged but lost: " << number;

    // Meta redelivers what it never got a 200 for; the restarted receiver stores those once.
    database.reset();
    auto restarted = startServe(db, port);
    ASSERT_EQ(restarted->state(), QProcess::Running);
    started = 0;
    finished = 0;
    acknowledged.clear();
    killed = true;
    for (int i = 0; i < kInFlight; ++i)
        postNext();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished >= kTotal; }, 60000));
    EXPECT_EQ(acknowledged.size(), kTotal);
    requestStop(*restarted);
    restarted->waitForFinished(10000);
    database = Database::open(StoreLocation::parse(db), &error);
    ASSERT_NE(database, nullptr);
    QSqlQuery count(database->connection());
    ASSERT_TRUE(count.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT wamid) FROM messages")) && count.next());
    EXPECT_EQ(count.value(0).toInt(), kTotal);
    EXPECT_EQ(count.value(1).toInt(), kTotal);
}
