#include "wireloop.h"

namespace Mostrador::Testing {

WireLoop::WireLoop(const QDateTime &start, int maxSendsPerSecond, Backend backend)
    : clock(start)
    , store(backend)
{
    if (!store.isAvailable())
        return;
    database = store.open();
    ingestor = std::make_unique<WebhookIngestor>(*database);

    receiver = std::make_unique<WebhookReceiver>(WebhookReceiver::Settings::forShop(kSecret, QStringLiteral("verify")), *ingestor);
    const quint16 receiverPort = receiver->listen(QHostAddress::LocalHost, 0);

    SandboxServer::Settings sandboxSettings;
    sandboxSettings.appSecret = kSecret;
    sandboxSettings.accessToken = QLatin1String(kToken);
    sandboxSettings.statusDelayMs = 1;
    sandboxSettings.maxSendsPerSecond = maxSendsPerSecond;
    sandboxSettings.webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(receiverPort));
    sandbox = std::make_unique<SandboxServer>(sandboxSettings, clock);
    sandbox->listen(QHostAddress::LocalHost, 0);

    client = std::make_unique<CloudApiClient>(apiConfig());
}

ApiConfig WireLoop::apiConfig() const
{
    return sandbox->clientConfig();
}

QVariant WireLoop::value(const QString &sql, const QVariantList &values)
{
    return scalar(*database, sql, values);
}

bool WireLoop::waitForBatches(quint64 count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return receiver->counters().accepted >= count; }, timeoutMs);
}

bool WireLoop::customerWrites(const QString &waId, const QString &text)
{
    // Waits for this message itself: a status webhook of an earlier send may arrive first.
    const QString wamid = sandbox->customerSends(waId, QStringLiteral("text"), {{QStringLiteral("body"), text}});
    return QTest::qWaitFor([&] { return value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE wamid = ?"), {wamid}).toInt() == 1; },
                           5000);
}

} // namespace Mostrador::Testing
