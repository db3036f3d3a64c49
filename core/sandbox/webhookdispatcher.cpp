#include "webhookdispatcher.h"

#include "webhook/signature.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QTimer>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcSandboxHooks, "mostrador.sandbox.webhooks")

WebhookDispatcher::WebhookDispatcher(QByteArray appSecret, QObject *parent)
    : QObject(parent)
    , m_appSecret(std::move(appSecret))
{
}

void WebhookDispatcher::deliver(const QJsonObject &payload)
{
    if (!m_target.isValid()) {
        Q_EMIT gaveUp(QStringLiteral("no webhook URL configured"));
        return;
    }
    ++m_pending;
    attempt(QJsonDocument(payload).toJson(QJsonDocument::Compact), 1);
}

void WebhookDispatcher::attempt(const QByteArray &body, int attemptNumber)
{
    QNetworkRequest request(m_target);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("X-Hub-Signature-256"), WebhookSignature::headerValue(m_appSecret, body));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, body, attemptNumber] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300) {
            ++m_delivered;
            --m_pending;
            Q_EMIT deliveredPayload(status);
            if (m_pending == 0)
                Q_EMIT idle();
            return;
        }
        if (attemptNumber >= m_maxAttempts) {
            --m_pending;
            qCWarning(lcSandboxHooks) << "giving up on a webhook after" << attemptNumber << "attempts; last answer" << status;
            Q_EMIT gaveUp(QStringLiteral("HTTP %1 after %2 attempts").arg(status).arg(attemptNumber));
            if (m_pending == 0)
                Q_EMIT idle();
            return;
        }
        // Meta backs off over hours; the sandbox does the same shape in milliseconds.
        const int delayMs = 50 << std::min(attemptNumber, 8);
        QTimer::singleShot(delayMs, this, [this, body, attemptNumber] { attempt(body, attemptNumber + 1); });
    });
}

} // namespace Mostrador
