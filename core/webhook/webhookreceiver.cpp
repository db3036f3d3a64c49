#include "webhookreceiver.h"

#include "signature.h"
#include "store/webhookingestor.h"
#include "webhookparser.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcWebhook, "mostrador.webhook")

WebhookReceiver::WebhookReceiver(Settings settings, WebhookIngestor &ingestor, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_ingestor(ingestor)
{
    m_server.route(m_settings.path, QHttpServerRequest::Method::Get,
                   [this](const QHttpServerRequest &request) { return handleVerification(request); });
    m_server.route(m_settings.path, QHttpServerRequest::Method::Post,
                   [this](const QHttpServerRequest &request) { return handleEvent(request); });
    m_server.route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [this] { return handleHealth(); });
}

WebhookReceiver::~WebhookReceiver() = default;

quint16 WebhookReceiver::listen(const QHostAddress &address, quint16 port)
{
    m_port = m_server.listen(address, port);
    if (!m_port)
        qCWarning(lcWebhook) << "cannot listen on" << address.toString() << port;
    return m_port;
}

QHttpServerResponse WebhookReceiver::reject(QHttpServerResponse::StatusCode status, const QString &reason)
{
    qCWarning(lcWebhook).noquote() << "rejected webhook request:" << int(status) << reason;
    Q_EMIT requestRejected(int(status), reason);
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), reason}}, status);
}

QHttpServerResponse WebhookReceiver::handleVerification(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    const QString mode = query.queryItemValue(QStringLiteral("hub.mode"), QUrl::FullyDecoded);
    const QString token = query.queryItemValue(QStringLiteral("hub.verify_token"), QUrl::FullyDecoded);
    const QString challenge = query.queryItemValue(QStringLiteral("hub.challenge"), QUrl::FullyDecoded);

    const bool accepted = mode == QLatin1String("subscribe") && !m_settings.verifyToken.isEmpty()
        && token == m_settings.verifyToken;
    Q_EMIT verificationRequested(accepted);
    if (!accepted) {
        ++m_counters.failedVerifications;
        return reject(QHttpServerResponse::StatusCode::Forbidden, QStringLiteral("verify token does not match"));
    }
    ++m_counters.verifications;
    return QHttpServerResponse(QByteArrayLiteral("text/plain"), challenge.toUtf8());
}

QHttpServerResponse WebhookReceiver::handleEvent(const QHttpServerRequest &request)
{
    const QByteArray body = request.body();
    if (body.size() > m_settings.maxBodyBytes) {
        ++m_counters.oversized;
        return reject(QHttpServerResponse::StatusCode::PayloadTooLarge,
                      QStringLiteral("body of %1 bytes exceeds the %2-byte limit").arg(body.size()).arg(m_settings.maxBodyBytes));
    }

    const QByteArray signature = request.value(QByteArrayLiteral("X-Hub-Signature-256"));
    if (signature.isEmpty()) {
        ++m_counters.badSignature;
        return reject(QHttpServerResponse::StatusCode::Unauthorized, QStringLiteral("missing X-Hub-Signature-256"));
    }
    if (!WebhookSignature::verify(m_settings.appSecret, body, signature)) {
        ++m_counters.badSignature;
        return reject(QHttpServerResponse::StatusCode::Forbidden, QStringLiteral("signature does not match the app secret"));
    }

    const WebhookParser::Result parsed = WebhookParser::parse(body);
    if (!parsed.ok) {
        ++m_counters.malformed;
        return reject(QHttpServerResponse::StatusCode::BadRequest, parsed.error);
    }

    const WebhookIngestor::Outcome outcome = m_ingestor.ingest(parsed.batch);
    if (outcome.error) {
        ++m_counters.storeFailures;
        // Not 2xx: Meta keeps the events and delivers them again later.
        qCCritical(lcWebhook).noquote() << "could not store webhook events:" << outcome.error.detail;
        return reject(QHttpServerResponse::StatusCode::ServiceUnavailable, QStringLiteral("could not store the events yet"));
    }

    ++m_counters.accepted;
    m_lastAcceptedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT batchStored(outcome.newMessages, outcome.statusesApplied);
    return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok);
}

QHttpServerResponse WebhookReceiver::handleHealth() const
{
    return QHttpServerResponse(QJsonObject{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("accepted"), qint64(m_counters.accepted)},
        {QStringLiteral("rejected_signature"), qint64(m_counters.badSignature)},
        {QStringLiteral("malformed"), qint64(m_counters.malformed)},
        {QStringLiteral("store_failures"), qint64(m_counters.storeFailures)},
        {QStringLiteral("last_webhook_at"), m_lastAcceptedAt.isValid() ? m_lastAcceptedAt.toString(Qt::ISODate) : QString()},
    });
}

} // namespace Mostrador
