#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace Mostrador {

class WebhookIngestor;
struct WebhookBatch;

// The HTTP endpoint Meta calls. GET answers the verification handshake; POST checks the
// signature over the raw body, parses, stores, and answers 200 only once the events are
// committed (so Meta retries whatever we could not keep). GET /healthz reports liveness.
//
// Group commit: valid POSTs that arrive together are stored in one transaction and answered
// together after it commits, so one disk flush acknowledges many webhooks.
class WebhookReceiver final : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        QByteArray appSecret;
        QString verifyToken;
        QString path = QStringLiteral("/webhook");
        qsizetype maxBodyBytes = 3 * 1024 * 1024; // Meta's payloads are a few KB; this is generous
        // Team mode: customers' files in this folder are served at GET /media/<sha256>.<ext> to
        // desktops that present this token (from the shared store).
        QString mediaFolder;
        QByteArray mediaToken;

        // A shop's receiver: Meta's app secret signs every POST, the verify token answers the
        // subscription check; a team's server also serves `mediaFolder` to holders of `mediaToken`.
        [[nodiscard]] static Settings forShop(const QByteArray &appSecret, const QString &verifyToken,
                                              const QString &mediaFolder = {}, const QByteArray &mediaToken = {})
        {
            Settings settings;
            settings.appSecret = appSecret;
            settings.verifyToken = verifyToken;
            settings.mediaFolder = mediaFolder;
            settings.mediaToken = mediaToken;
            return settings;
        }
    };

    struct Counters {
        quint64 accepted = 0;
        quint64 badSignature = 0;
        quint64 malformed = 0;
        quint64 oversized = 0;
        quint64 storeFailures = 0;
        quint64 verifications = 0;
        quint64 failedVerifications = 0;
        quint64 refusedBeforeReading = 0; // too large, without a length, too slow, too many at once
    };

    WebhookReceiver(Settings settings, WebhookIngestor &ingestor, QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // Starts listening; returns the port (useful with port 0) or 0 when the port is taken.
    quint16 listen(const QHostAddress &address, quint16 port);
    [[nodiscard]] quint16 port() const { return m_port; }

    // What the receiver did, the requests its listener refused before reading them included.
    [[nodiscard]] Counters counters() const;
    [[nodiscard]] QDateTime lastAcceptedAt() const { return m_lastAcceptedAt; }

Q_SIGNALS:
    void verificationRequested(bool accepted);
    void batchStored(int newMessages, int statusesApplied);
    void requestRejected(int httpStatus, const QString &reason);

private:
    QHttpServerResponse handleVerification(const QHttpServerRequest &request);
    void handleEvent(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void flushPending();
    QHttpServerResponse handleHealth() const;
    QHttpServerResponse handleMedia(const QString &name, const QHttpServerRequest &request) const;
    QHttpServerResponse reject(QHttpServerResponse::StatusCode status, const QString &reason);

    Settings m_settings;
    WebhookIngestor &m_ingestor;
    QHttpServer m_server;
    class GuardedListener *m_listener = nullptr; // in front of m_server: limits before anything is read
    quint16 m_port = 0;
    Counters m_counters;
    QDateTime m_lastAcceptedAt;

    struct Pending;
    std::vector<std::unique_ptr<Pending>> m_pending;
    QTimer m_flushTimer;
};

} // namespace Mostrador
