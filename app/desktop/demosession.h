#pragma once

#include "connection/connectionsettings.h"

#include <QObject>
#include <QString>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

namespace Mostrador {

class SandboxServer;
class ShopServices;
class SimulatedCustomers;
class WebhookReceiver;

// Everything --demo needs, wired as for a real shop but pointed at the in-product sandbox on
// 127.0.0.1: a fresh store in a temporary folder, the webhook receiver, the Cloud API client,
// the outbox, and simulated customers writing in.
class DemoSession final : public QObject
{
    Q_OBJECT

public:
    explicit DemoSession(QObject *parent = nullptr);
    ~DemoSession() override;

    // Starts it all; on failure returns false with a sentence for the user in `error`.
    bool start(QString *error);

    [[nodiscard]] ShopServices &shop() { return *m_shop; }
    [[nodiscard]] quint16 sandboxPort() const;
    // The pretend Cloud API, for a walk through the window to have a customer write.
    [[nodiscard]] SandboxServer &sandbox() { return *m_sandbox; }

    // The demo's number as the setup wizard would have it (for a tour of the wizard, with
    // "Check with Meta" answered by the sandbox).
    [[nodiscard]] ConnectionSettings connection() const;
    [[nodiscard]] ConnectionSecrets secrets() const;

    // A chat exported from the phone (the shop's group with its suppliers), written for File ▸
    // Import chats… to offer.
    [[nodiscard]] QString sampleChatExport() const;

private:
    void importLuciasPast();
    void armAutomaticReplies();
    void seedQuickReplies();
    void showTheWindowRule();
    void sendACampaign();
    void showCustomersAsWhatsAppNamesThem();
    void readTheCatalog();
    void seedPastOrders();

    QTemporaryDir m_directory;
    ConnectionSecrets m_secrets;
    std::unique_ptr<ShopServices> m_shop;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<SandboxServer> m_sandbox;
    QSet<QString> m_seededOrders;
    std::unique_ptr<SimulatedCustomers> m_customers;
};

} // namespace Mostrador
