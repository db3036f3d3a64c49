#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace Mostrador {

// Delivers webhook payloads the way Meta does: POST to the callback URL, signed with
// X-Hub-Signature-256 over the exact bytes sent, retried with backoff until answered 2xx.
class WebhookDispatcher final : public QObject
{
    Q_OBJECT

public:
    WebhookDispatcher(QByteArray appSecret, QObject *parent = nullptr);

    void setTarget(const QUrl &url) { m_target = url; }
    [[nodiscard]] QUrl target() const { return m_target; }
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }

    void deliver(const QJsonObject &payload);

    [[nodiscard]] int pending() const { return m_pending; }
    [[nodiscard]] quint64 delivered() const { return m_delivered; }

Q_SIGNALS:
    void deliveredPayload(int httpStatus);
    void gaveUp(const QString &reason);
    void idle();

private:
    void attempt(const QByteArray &body, int attemptNumber);

    QByteArray m_appSecret;
    QUrl m_target;
    QNetworkAccessManager m_network;
    int m_maxAttempts = 6;
    int m_pending = 0;
    quint64 m_delivered = 0;
};

} // namespace Mostrador
