// Team-mode benchmark on a real PostgreSQL: the time from Meta's webhook being answered 200 by
// the server to the message showing in a second desktop's conversation list (LISTEN/NOTIFY), and
// the ingest rate on PostgreSQL next to SQLite.
//
//   build/tests/bench/bench_team postgres://postgres@127.0.0.1:PORT/postgres [webhooks=300]
//
// Receiver, server store and desktop run in this one process and event loop over 127.0.0.1
// (each with its own database connection), so the figures include waiting for one another.
#include "inbox/conversationlistmodel.h"
#include "sandbox/webhookpayloads.h"
#include "db/database.h"
#include "webhook/webhookingestor.h"
#include "db/storenotifications.h"
#include "webhook/signature.h"
#include "webhook/webhookreceiver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace Mostrador;

namespace {

const QByteArray kSecret = "bench-secret";

WebhookReceiver::Settings receiverSettings()
{
    WebhookReceiver::Settings settings;
    settings.appSecret = kSecret;
    settings.verifyToken = QStringLiteral("v");
    return settings;
}
const WebhookPayloads::Business kShop{QStringLiteral("w"), QStringLiteral("p"), QStringLiteral("1")};

QByteArray webhook(int first, int count)
{
    QList<WebhookPayloads::Sender> senders;
    QList<QJsonObject> messages;
    for (int i = first; i < first + count; ++i) {
        const WebhookPayloads::Sender sender{QStringLiteral("57300%1").arg(i % 40, 7, 10, QLatin1Char('0')),
                                             QStringLiteral("Cliente %1").arg(i % 40), QString()};
        senders << sender;
        messages << WebhookPayloads::textMessage(QStringLiteral("wamid.team.%1").arg(i), sender, QDateTime::currentDateTimeUtc(),
                                                 QStringLiteral("mensaje %1").arg(i));
    }
    return QJsonDocument(WebhookPayloads::envelope(kShop, senders, messages)).toJson(QJsonDocument::Compact);
}

int post(QNetworkAccessManager &network, quint16 port, const QByteArray &body)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Hub-Signature-256", WebhookSignature::headerValue(kSecret, body));
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

// Messages per second through the receiver into `location`, in posts of 50.
double ingestRate(const StoreLocation &location, int messages)
{
    StoreError error;
    auto database = Database::open(location, &error);
    if (!database)
        return 0;
    WebhookIngestor ingestor(*database);
    WebhookReceiver receiver(receiverSettings(), ingestor);
    const quint16 port = receiver.listen(QHostAddress::LocalHost, 0);
    QNetworkAccessManager network;
    QList<QByteArray> bodies;
    for (int i = 0; i < messages; i += 50)
        bodies << webhook(1000000 + i, 50);
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &body : std::as_const(bodies))
        post(network, port, body);
    return messages / (timer.nsecsElapsed() / 1e9);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_team postgres://user@host:port/db [webhooks=300]\n");
        return 2;
    }
    const int webhooks = args.size() > 2 ? args.at(2).toInt() : 300;

    // A fresh database on the server, dropped afterwards.
    const StoreLocation admin = StoreLocation::parse(args.at(1));
    const QString name = QStringLiteral("bench_team_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    {
        QSqlDatabase maintenance = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
        maintenance.setHostName(admin.host);
        maintenance.setPort(admin.port);
        maintenance.setUserName(admin.user);
        maintenance.setPassword(admin.password);
        maintenance.setDatabaseName(admin.databaseName);
        if (!maintenance.open() || !QSqlQuery(maintenance).exec(QStringLiteral("CREATE DATABASE ") + name)) {
            std::fprintf(stderr, "cannot create a database on %s\n", qPrintable(admin.describe()));
            return 1;
        }
    }
    StoreLocation location = admin;
    location.databaseName = name;

    StoreError error;
    auto serverDatabase = Database::open(location, &error);
    auto desktopDatabase = Database::open(location, &error);
    if (!serverDatabase || !desktopDatabase) {
        std::fprintf(stderr, "%s\n", qPrintable(error.detail));
        return 1;
    }
    WebhookIngestor ingestor(*serverDatabase);
    WebhookReceiver receiver(receiverSettings(), ingestor);
    const quint16 port = receiver.listen(QHostAddress::LocalHost, 0);

    ConversationListModel desktop(*desktopDatabase, nullptr);
    desktop.reload(); // as a view would, on showing
    StoreNotifications hears(*desktopDatabase);
    if (!hears.listen())
        std::fprintf(stderr, "not listening for changes\n");
    QElapsedTimer clock;
    clock.start();
    QHash<QString, qint64> shownAt; // message body → ms when the desktop's list showed it
    QObject::connect(&hears, &StoreNotifications::changed, &desktop, [&](StoreNotifications::Change, const QSet<qint64> &ids) {
        desktop.refresh(ids);
        for (int row = 0; row < desktop.rowCount(); ++row) {
            const QString preview = desktop.index(row).data(ConversationListModel::PreviewRole).toString();
            if (qEnvironmentVariableIsSet("BENCH_DEBUG"))
                std::fprintf(stderr, "preview [%s]\n", qPrintable(preview));
            if (!shownAt.contains(preview))
                shownAt.insert(preview, clock.elapsed());
        }
    });

    QNetworkAccessManager network;
    QList<double> latencies;
    QList<double> endToEnd;
    int failures = 0;
    for (int i = 0; i < webhooks; ++i) {
        const QString body = QStringLiteral("mensaje %1").arg(i);
        const QByteArray payload = webhook(i, 1);
        const qint64 sent = clock.elapsed();
        if (post(network, port, payload) != 200)
            ++failures;
        const qint64 answered = clock.elapsed();
        QElapsedTimer wait;
        wait.start();
        while (!shownAt.contains(body) && wait.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        if (shownAt.contains(body)) {
            // Often shown before the sender has even read its 200 (the notice travels at commit).
            latencies << std::max<qint64>(0, shownAt.value(body) - answered);
            endToEnd << shownAt.value(body) - sent;
        } else {
            ++failures;
        }
    }
    std::printf("webhook 200 -> visible in a second desktop's list: p50 %.0f ms, p95 %.0f ms, max %.0f ms over %d webhooks (%d missing)\n",
                percentile(latencies, 0.5), percentile(latencies, 0.95), percentile(latencies, 1.0), webhooks, failures);
    std::printf("webhook POST sent -> visible there (whole trip): p50 %.1f ms, p95 %.1f ms, max %.0f ms\n", percentile(endToEnd, 0.5),
                percentile(endToEnd, 0.95), percentile(endToEnd, 1.0));

    const double postgres = ingestRate(location, 5000);
    QTemporaryDir folder;
    const double sqlite = ingestRate(StoreLocation::parse(folder.filePath(QStringLiteral("bench.db"))), 5000);
    std::printf("ingest, posts of 50 through the receiver: PostgreSQL %.0f messages/s, SQLite %.0f messages/s\n", postgres, sqlite);

    serverDatabase.reset();
    desktopDatabase.reset();
    QSqlDatabase maintenance = QSqlDatabase::database(QStringLiteral("bench-admin"));
    QSqlQuery(maintenance).exec(QStringLiteral("DROP DATABASE ") + name);
    return failures ? 1 : 0;
}
