#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Mostrador {

class Clock;
class CloudApiClient;
class Database;
class Outbox;
class SandboxServer;
class SimulatedCustomers;
class SystemClock;
class WebhookIngestor;
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

    [[nodiscard]] Database &database() { return *m_database; }
    [[nodiscard]] WebhookIngestor &ingestor() { return *m_ingestor; }
    [[nodiscard]] Outbox &outbox() { return *m_outbox; }
    [[nodiscard]] CloudApiClient &client() { return *m_client; }
    [[nodiscard]] quint16 sandboxPort() const;
    [[nodiscard]] const Clock &clock() const;

private:
    QTemporaryDir m_directory;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<WebhookIngestor> m_ingestor;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<SimulatedCustomers> m_customers;
    std::unique_ptr<CloudApiClient> m_client;
    std::unique_ptr<Outbox> m_outbox;
};

} // namespace Mostrador
