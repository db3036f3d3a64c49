#pragma once

#include "api/apiconfig.h"
#include "api/apitypes.h"
#include "common/clock.h"
#include "sandboxcustomers.h"
#include "sandboxtemplates.h"
#include "sandboxuploads.h"
#include "webhookpayloads.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <deque>
#include <memory>

namespace Mostrador {

class WebhookDispatcher;

// The Cloud API on 127.0.0.1, for the demo and the tests: the same endpoints and JSON shapes
// as graph.facebook.com, statuses and customer messages delivered as signed webhooks, and the
// same refusals the real API gives (131047 outside the window, 132001 unknown template,
// 131026 unknown number, 130429 too fast, 190 bad token).
class SandboxServer final : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        QByteArray appSecret;
        QString accessToken;
        // Optional: a token Meta knows but that lacks whatsapp_business_management (templates
        // answer error 200), for the setup wizard's tests.
        QString limitedAccessToken;
        QString apiVersion = ApiConfig::kGraphVersion;
        WebhookPayloads::Business business{QStringLiteral("100200300400500"), QStringLiteral("106540352242922"),
                                           QStringLiteral("576017654321")};
        QString appId = QStringLiteral("1189475826341027"); // for the Resumable Upload API
        QUrl webhookUrl;
        int statusDelayMs = 300;      // between sent, delivered and read
        bool deliveredAndRead = true; // false: only "sent" (a lighter load for tests that send thousands)
        int maxSendsPerSecond = 20;   // beyond this, 130429
        bool declineHistory = false;  // coexistence: the owner refused, on the phone, to share the app's history
        int catalogPageSize = 4;      // Meta pages catalogs at its own size, whatever `limit` asks

        // What a client needs to talk to such a sandbox, but where it listens.
        [[nodiscard]] ApiConfig clientConfig() const;
    };

    using Customer = SandboxCustomers::Customer;

    SandboxServer(Settings settings, const Clock &clock, QObject *parent = nullptr);
    ~SandboxServer() override;

    quint16 listen(const QHostAddress &address, quint16 port);
    [[nodiscard]] quint16 port() const { return m_port; }
    // "http://127.0.0.1:PORT" — what ApiConfig::baseUrl should be.
    [[nodiscard]] QUrl baseUrl() const;
    // A client's configuration for this sandbox, once it listens.
    [[nodiscard]] ApiConfig clientConfig() const;
    [[nodiscard]] const Settings &settings() const { return m_settings; }
    void setWebhookUrl(const QUrl &url);

    void addCustomer(const QString &waId, const QString &name);
    // A customer with a business-scoped id and a username; `waId` may be empty (WhatsApp leaves
    // the number out for a customer with a username who has not written for 30 days).
    void addCustomer(const Customer &customer);
    [[nodiscard]] QList<Customer> customers() const;
    // Coexistence: whether the owner shares the WhatsApp Business app's history when asked.
    void setHistoryShared(bool shared) { m_settings.declineHistory = !shared; }
    // Whether "delivered" and "read" follow "sent" (tests sending thousands keep the load down).
    void setDeliveredAndRead(bool both) { m_settings.deliveredAndRead = both; }

    // A customer writes to the shop: a webhook with this message goes out now. `id` is their
    // number (any form) or business-scoped id. Returns the new message's wamid. `type` and
    // `content` as in the wire format. `at` backdates the message (the demo shows windows that
    // closed or are about to).
    QString customerSends(const QString &id, const QString &type, const QJsonObject &content,
                          const QJsonObject &referral = {}, const QString &replyToWamid = {}, const QDateTime &at = {});
    // A customer asks about a product the shop sent (a `product` message): the text carries the
    // product in its context (`referred_product`), as WhatsApp sends it.
    QString customerAsksAbout(const QString &id, const QString &productMessageWamid, const QString &retailerId, const QString &text);
    // A customer writes while Meta's AI agent holds their conversation, and the agent answers:
    // one `standby` webhook with both. Returns the customer's message's wamid.
    QString customerTalksToMetaAgent(const QString &id, const QString &text, const QString &agentAnswer);
    // A customer moves to a new number: WhatsApp's user_changed_number system message.
    void customerChangesNumber(const QString &oldWaId, const QString &newWaId);

    // Meta's review moves a template to another category, and says so by webhook.
    void recategoriseTemplate(const QString &name, const QString &language, const QString &category);

    // Stores bytes as if the customer had sent a file; returns the media id to put in a message.
    QString addMedia(const QByteArray &data, const QString &mimeType);

    // Every body the sandbox accepted on /messages, for tests to inspect.
    [[nodiscard]] const QList<QJsonObject> &receivedSends() const { return m_receivedSends; }
    [[nodiscard]] WebhookDispatcher &dispatcher() { return *m_dispatcher; }
    [[nodiscard]] SandboxUploads &uploads() { return m_uploads; }

Q_SIGNALS:
    void messageAccepted(const QString &wamid, const QJsonObject &body);

private:
    struct Media {
        QByteArray data;
        QString mimeType;
    };

    void registerRoutes();
    [[nodiscard]] bool authorized(const QHttpServerRequest &request, const QByteArray &scheme = QByteArrayLiteral("Bearer")) const;
    QHttpServerResponse handleSend(const QString &phone, const QHttpServerRequest &request);
    QHttpServerResponse handleUpload(const QString &phone, const QHttpServerRequest &request);
    QHttpServerResponse handleGetObject(const QString &id, const QHttpServerRequest &request);
    QHttpServerResponse handleProfile(const QString &phone, const QHttpServerRequest &request);
    QHttpServerResponse handleTemplates(const QString &waba, const QHttpServerRequest &request);
    QHttpServerResponse createTemplate(const QHttpServerRequest &request);
    void sendTemplateReview(const MessageTemplate &created);
    QHttpServerResponse handleBlock(const QString &phone, const QHttpServerRequest &request);
    QHttpServerResponse handleAppSync(const QString &phone, const QHttpServerRequest &request);
    [[nodiscard]] WebhookPayloads::Sender senderOf(const Customer &customer) const;
    [[nodiscard]] bool tooFast();
    void scheduleStatuses(const QString &wamid, const QString &to, const QString &callbackData, int failureCode,
                          const QJsonObject &pricing);
    void sendStatus(const QString &wamid, const QString &to, const QString &state, const QString &callbackData,
                    int failureCode = 0, const QJsonObject &pricing = {});
    QString newWamid();

    Settings m_settings;
    const Clock &m_clock;
    QHttpServer m_server;
    quint16 m_port = 0;
    std::unique_ptr<WebhookDispatcher> m_dispatcher;
    SandboxCustomers m_customers;
    QHash<QString, Media> m_media;
    SandboxTemplates m_templates;
    BusinessProfile m_profile;
    SandboxUploads m_uploads;
    SandboxUploads::File m_profilePhoto;
    QList<QJsonObject> m_receivedSends;
    std::deque<qint64> m_recentSends;
    quint64 m_counter = 0;
};

} // namespace Mostrador
