// Flood benchmark: `mostrador-server serve` keeps answering Meta while strangers flood it.
// Unsigned POSTs announcing and sending 10 MB bodies (20 at a time) hit /webhook while signed
// webhooks keep arriving; prints the service's peak resident memory, the signed webhooks'
// latency (p50/p99) and that none was lost.
//
//   build/tests/bench/bench_flood [flood-requests=1000] [at-once=20] [server-binary]
#include "sandbox/webhookpayloads.h"
#include "webhook/signature.h"

#include "benchserve.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Mostrador;

namespace {

const QByteArray kSecret = "bench-secret";
constexpr qint64 kFloodBody = 10 * 1024 * 1024;

long peakResidentKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

QByteArray signedBody(int i)
{
    const WebhookPayloads::Sender sender{QStringLiteral("57300%1").arg(i, 7, 10, QLatin1Char('0')), QStringLiteral("Cliente %1").arg(i)};
    return QJsonDocument(WebhookPayloads::envelope({QStringLiteral("w"), QStringLiteral("p"), QStringLiteral("1")}, {sender},
                                                   {WebhookPayloads::textMessage(QStringLiteral("wamid.flood.%1").arg(i), sender,
                                                                                 QDateTime::currentDateTimeUtc(), QStringLiteral("Hola"))}))
        .toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int floodRequests = args.value(1, QStringLiteral("1000")).toInt();
    const int atOnce = args.value(2, QStringLiteral("20")).toInt();
    const QString binary = args.value(3, QStringLiteral(MOSTRADOR_SERVER_BINARY));

    QTemporaryDir directory;
    QProcess serve;
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("MOSTRADOR_GRAPH_URL"), QStringLiteral("http://127.0.0.1:1/v23.0"));
    extra.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mostrador.*.info=false;mostrador.*.warning=false"));
    const quint16 port = startBenchServe(serve, binary, directory.filePath(QStringLiteral("flood.db")), kSecret, extra);
    const long startKb = peakResidentKb(serve.processId());

    // The flood: each stranger announces 10 MB and sends it as fast as it can.
    const QByteArray chunk(64 * 1024, 'x');
    int started = 0;
    int finished = 0;
    QHash<int, int> answers; // status code → count
    std::function<void()> startOne = [&] {
        if (started >= floodRequests)
            return;
        ++started;
        auto *socket = new QTcpSocket(&app);
        auto *sent = new qint64(0);
        auto *reply = new QByteArray;
        const auto pump = [socket, sent, &chunk] {
            while (*sent < kFloodBody && socket->bytesToWrite() < 4 * chunk.size() && socket->state() == QAbstractSocket::ConnectedState) {
                socket->write(chunk);
                *sent += chunk.size();
            }
        };
        QObject::connect(socket, &QTcpSocket::connected, socket, [socket, pump] {
            socket->write(QByteArrayLiteral("POST /webhook HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\n"
                                            "X-Hub-Signature-256: sha256=0000\r\nContent-Length: ")
                          + QByteArray::number(kFloodBody) + "\r\n\r\n");
            pump();
        });
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, reply] { *reply += socket->readAll(); });
        const auto done = [&, socket, sent, reply] {
            if (socket->property("done").toBool())
                return;
            socket->setProperty("done", true);
            ++answers[reply->mid(9, 3).toInt()];
            ++finished;
            delete sent;
            delete reply;
            socket->deleteLater();
            QTimer::singleShot(0, &app, startOne);
        };
        QObject::connect(socket, &QTcpSocket::disconnected, socket, done);
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket, done);
        socket->connectToHost(QHostAddress::LocalHost, port);
    };

    // Meanwhile Meta: a signed webhook every 50 ms, each timed until its 200.
    QNetworkAccessManager network;
    QList<double> latencies;
    int signedSent = 0;
    int signedOk = 0;
    QTimer meta;
    meta.callOnTimeout(&app, [&] {
        const QByteArray body = signedBody(signedSent++);
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("X-Hub-Signature-256", WebhookSignature::headerValue(kSecret, body));
        auto *clock = new QElapsedTimer;
        clock->start();
        QNetworkReply *reply = network.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply, clock] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                ++signedOk;
                latencies << clock->nsecsElapsed() / 1e6;
            }
            delete clock;
            reply->deleteLater();
        });
    });

    QElapsedTimer total;
    total.start();
    meta.start(50);
    for (int i = 0; i < atOnce; ++i)
        startOne();
    while (finished < floodRequests && total.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    meta.stop();
    QElapsedTimer settle;
    settle.start();
    while (signedOk + 0 < signedSent && settle.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const long peakKb = peakResidentKb(serve.processId());
    serve.terminate();
    serve.waitForFinished(30000);

    std::sort(latencies.begin(), latencies.end());
    const auto percentile = [&](double p) { return latencies.isEmpty() ? 0.0 : latencies.at(std::min<qsizetype>(latencies.size() - 1, qsizetype(p * latencies.size()))); };
    std::printf("flood: %d unsigned requests announcing %lld MB each, %d at a time, in %.1f s; answers:", floodRequests,
                kFloodBody / (1024 * 1024), atOnce, total.elapsed() / 1000.0);
    for (auto it = answers.cbegin(); it != answers.cend(); ++it)
        std::printf(" %d×%d", it.value(), it.key());
    std::printf("\nserve resident memory: %.1f MB at start, peak %.1f MB\n", startKb / 1024.0, peakKb / 1024.0);
    std::printf("signed webhooks meanwhile: %d sent, %d answered 200 (%d lost); latency p50 %.1f ms, p99 %.1f ms\n", signedSent, signedOk,
                signedSent - signedOk, percentile(0.5), percentile(0.99));
    return 0;
}
