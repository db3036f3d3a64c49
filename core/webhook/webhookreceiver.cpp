#include "webhookreceiver.h"

#include "signature.h"
#include "guardedlistener.h"
#include "webhook/webhookingestor.h"
#include "webhookparser.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrlQuery>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcWebhook, "mostrador.webhook")

namespace {

// How many requests one transaction may acknowledge at most.
constexpr std::size_t kMaxGroup = 256;

void respond(QHttpServerResponder &responder, QHttpServerResponse::StatusCode status, const QString &reason = {})
{
    if (reason.isEmpty())
        responder.write(status);
    else
        responder.write(QJsonDocument(QJsonObject{{QStringLiteral("error"), reason}}), status);
}

} // namespace

struct WebhookReceiver::Pending {
    WebhookBatch batch;
    QHttpServerResponder responder;
    // Meta may hang up while the group commits; then there is nobody left to answer.
    QPointer<QTcpSocket> socket;

    void answer(QHttpServerResponse::StatusCode status, const QString &reason = {})
    {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            respond(responder, status, reason);
    }
};

WebhookReceiver::WebhookReceiver(Settings settings, WebhookIngestor &ingestor, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_ingestor(ingestor)
{
    m_server.route(m_settings.path, QHttpServerRequest::Method::Get,
                   [this](const QHttpServerRequest &request) { return handleVerification(request); });
    m_server.route(m_settings.path, QHttpServerRequest::Method::Post,
                   [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       handleEvent(request, std::move(responder));
                   });
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &WebhookReceiver::flushPending);
    m_server.route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [this] { return handleHealth(); });
    if (!m_settings.mediaFolder.isEmpty() && !m_settings.mediaToken.isEmpty()) {
        m_server.route(QStringLiteral("/media/<arg>"), QHttpServerRequest::Method::Get,
                       [this](const QString &name, const QHttpServerRequest &request) { return handleMedia(name, request); });
    }
}

QHttpServerResponse WebhookReceiver::handleMedia(const QString &name, const QHttpServerRequest &request) const
{
    using Status = QHttpServerResponse::StatusCode;
    const QByteArray given = request.value(QByteArrayLiteral("Authorization"));
    const QByteArray expected = QByteArrayLiteral("Bearer ") + m_settings.mediaToken;
    if (!WebhookSignature::sameBytes(given, expected))
        return QHttpServerResponse(Status::Unauthorized);
    // Only names the downloader gives files (SHA-256, an extension): nothing else can be asked for.
    static const QRegularExpression kStoredName(QStringLiteral("^[0-9a-f]{64}(\\.[A-Za-z0-9]{1,8})?$"));
    if (!kStoredName.match(name).hasMatch())
        return QHttpServerResponse(Status::BadRequest);
    QFile file(QDir(m_settings.mediaFolder).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return QHttpServerResponse(Status::NotFound);
    return QHttpServerResponse(QMimeDatabase().mimeTypeForFile(file.fileName()).name().toUtf8(), file.readAll());
}

WebhookReceiver::~WebhookReceiver() = default;

WebhookReceiver::Counters WebhookReceiver::counters() const
{
    Counters counters = m_counters;
    if (m_listener) {
        const GuardedListener::Counters &guarded = m_listener->counters();
        counters.oversized += guarded.tooLarge + guarded.headersTooLarge;
        counters.refusedBeforeReading = guarded.tooLarge + guarded.headersTooLarge + guarded.withoutLength + guarded.timedOut + guarded.tooMany;
    }
    return counters;
}

quint16 WebhookReceiver::listen(const QHostAddress &address, quint16 port)
{
    GuardedListener::Limits limits;
    limits.maxBodyBytes = m_settings.maxBodyBytes;
    auto *listener = new GuardedListener(limits, this);
    if (!listener->listen(address, port)) {
        qCWarning(lcWebhook) << "cannot listen on" << address.toString() << port;
        delete listener;
        return 0;
    }
    m_listener = listener;
    m_server.bind(listener);
    m_port = listener->serverPort();
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

void WebhookReceiver::handleEvent(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    using Status = QHttpServerResponse::StatusCode;
    const auto refuse = [&](Status status, const QString &reason) {
        qCWarning(lcWebhook).noquote() << "rejected webhook request:" << int(status) << reason;
        Q_EMIT requestRejected(int(status), reason);
        respond(responder, status, reason);
    };

    const QByteArray body = request.body();
    if (body.size() > m_settings.maxBodyBytes) {
        ++m_counters.oversized;
        refuse(Status::PayloadTooLarge,
               QStringLiteral("body of %1 bytes exceeds the %2-byte limit").arg(body.size()).arg(m_settings.maxBodyBytes));
        return;
    }
    const QByteArray signature = request.value(QByteArrayLiteral("X-Hub-Signature-256"));
    if (signature.isEmpty()) {
        ++m_counters.badSignature;
        refuse(Status::Unauthorized, QStringLiteral("missing X-Hub-Signature-256"));
        return;
    }
    if (!WebhookSignature::verify(m_settings.appSecret, body, signature)) {
        ++m_counters.badSignature;
        refuse(Status::Forbidden, QStringLiteral("signature does not match the app secret"));
        return;
    }
    WebhookParser::Result parsed = WebhookParser::parse(body);
    if (!parsed.ok) {
        ++m_counters.malformed;
        refuse(Status::BadRequest, parsed.error);
        return;
    }

    QPointer<QTcpSocket> socket(responder.socket());
    m_pending.push_back(std::unique_ptr<Pending>(new Pending{std::move(parsed.batch), std::move(responder), socket}));
    if (m_pending.size() >= kMaxGroup)
        flushPending();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void WebhookReceiver::flushPending()
{
    if (m_pending.empty())
        return;
    std::vector<std::unique_ptr<Pending>> group;
    group.swap(m_pending);

    WebhookBatch combined;
    for (const auto &pending : group)
        combined.append(pending->batch);
    const WebhookIngestor::Outcome outcome = m_ingestor.ingest(combined);
    if (outcome.error.isError()) {
        m_counters.storeFailures += group.size();
        // Not 2xx: Meta keeps the events and delivers them again later.
        qCCritical(lcWebhook).noquote() << "could not store webhook events:" << outcome.error.detail;
        for (const auto &pending : group) {
            Q_EMIT requestRejected(503, QStringLiteral("could not store the events yet"));
            pending->answer(QHttpServerResponse::StatusCode::ServiceUnavailable, QStringLiteral("could not store the events yet"));
        }
        return;
    }
    m_counters.accepted += group.size();
    m_lastAcceptedAt = QDateTime::currentDateTimeUtc();
    for (const auto &pending : group)
        pending->answer(QHttpServerResponse::StatusCode::Ok);
    Q_EMIT batchStored(outcome.newMessages, outcome.statusesApplied);
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
