// Ingest benchmark: signed webhook POSTs over loopback HTTP into `mostrador-server serve`, in
// single-message posts and in batched posts. Prints posts/s and messages/s.
//
//   build/tests/bench/bench_ingest [messages=100000] [batch=50] [in-flight=6] [replies]
//
// With "replies", the service has the away and greeting messages armed (the shop is always
// closed), so every new conversation also gets an automatic reply queued: the responder's cost.
#include "sandbox/webhookpayloads.h"
#include "webhook/signature.h"

#include "benchserve.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QFileInfo>

#include <cstdio>
#include <functional>

using namespace Mostrador;

namespace {

const QByteArray kSecret = "bench-secret";

QByteArray payload(int first, int count)
{
    const WebhookPayloads::Business business{QStringLiteral("w"), QStringLiteral("p"), QStringLiteral("1")};
    QList<WebhookPayloads::Sender> senders;
    QList<QJsonObject> messages;
    for (int i = first; i < first + count; ++i) {
        const WebhookPayloads::Sender sender{QStringLiteral("57300%1").arg(i % 10000, 7, 10, QLatin1Char('0')),
                                             QStringLiteral("Cliente %1").arg(i % 10000), QString()};
        senders << sender;
        messages << WebhookPayloads::textMessage(QStringLiteral("wamid.bench.%1").arg(i), sender, QDateTime::currentDateTimeUtc(),
                                                 QStringLiteral("Hola, ¿tienen la lámpara Nube en blanco? Pedido %1").arg(i));
    }
    return QJsonDocument(WebhookPayloads::envelope(business, senders, messages)).toJson(QJsonDocument::Compact);
}

struct Run {
    double seconds = 0;
    int posts = 0;
    int failures = 0;
};

Run post(quint16 port, int totalMessages, int perPost, int inFlight)
{
    QNetworkAccessManager network;
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/webhook").arg(port));
    Run run;
    int next = 0;
    int done = 0;
    const int posts = (totalMessages + perPost - 1) / perPost;
    // Bodies are built before the clock starts: we measure the receiver, not the generator.
    QList<QByteArray> bodies;
    for (int p = 0; p < posts; ++p)
        bodies << payload(p * perPost + (perPost > 1 ? 10000000 : 0), perPost);
    QEventLoop loop;
    std::function<void()> send = [&] {
        if (next >= posts)
            return;
        const QByteArray &body = bodies.at(next++);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("X-Hub-Signature-256", WebhookSignature::headerValue(kSecret, body));
        QNetworkReply *reply = network.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++run.failures;
            reply->deleteLater();
            if (++done == posts)
                loop.quit();
            else
                send();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < inFlight; ++i)
        send();
    loop.exec();
    run.seconds = timer.nsecsElapsed() / 1e9;
    run.posts = posts;
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int messages = args.size() > 1 ? args.at(1).toInt() : 100000;
    const int batch = args.size() > 2 ? args.at(2).toInt() : 50;
    const int inFlight = args.size() > 3 ? args.at(3).toInt() : 6;
    const bool replies = args.size() > 4 && args.at(4) == QLatin1String("replies");

    QTemporaryDir directory;
    QProcess serve;
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mostrador.serve.info=false;mostrador.serve.warning=false;mostrador.api.warning=false"));
    if (replies) {
        extra.insert(QStringLiteral("MOSTRADOR_AWAY_MESSAGE"), QStringLiteral("Hola {nombre}, ya cerramos."));
        extra.insert(QStringLiteral("MOSTRADOR_GREETING_MESSAGE"), QStringLiteral("¡Bienvenido a {tienda}!"));
        extra.insert(QStringLiteral("MOSTRADOR_OPENING_HOURS"), QStringLiteral("mon 00:00-00:01"));
        extra.insert(QStringLiteral("MOSTRADOR_GRAPH_URL"), QStringLiteral("http://127.0.0.1:1/v23.0")); // sends fail fast
    }
    const quint16 port = startBenchServe(serve, QStringLiteral(MOSTRADOR_SERVER_BINARY), directory.filePath(QStringLiteral("bench.db")), kSecret, extra);

    const Run single = post(port, messages, 1, inFlight);
    std::printf("single-message posts: %d posts in %.2f s = %.0f posts/s (%d failed)\n", single.posts, single.seconds,
                single.posts / single.seconds, single.failures);
    const Run batched = post(port, messages, batch, inFlight);
    std::printf("batched posts (%d messages each): %d posts, %d messages in %.2f s = %.0f messages/s (%d failed)\n", batch,
                batched.posts, batched.posts * batch, batched.seconds, batched.posts * batch / batched.seconds, batched.failures);

    serve.terminate();
    serve.waitForFinished(30000);
    QFileInfo db(directory.filePath(QStringLiteral("bench.db")));
    std::printf("database: %.1f MB for %d messages%s\n", db.size() / 1e6, messages * 2,
                replies ? " (automatic replies armed)" : "");
    return single.failures + batched.failures ? 1 : 0;
}
