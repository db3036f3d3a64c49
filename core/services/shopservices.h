#pragma once

#include "api/apiconfig.h"
#include "automation/shopautomation.h"
#include "db/database.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Mostrador {

class AutoResponder;
class CampaignScheduler;
class CatalogSync;
class Clock;
class CloudApiClient;
class ConversationChanges;
class CustomerBlocking;
class MediaDownloader;
class MessageSender;
class Outbox;
class WebhookIngestor;
class WindowTracker;

// One shop's services, built once and handed to whoever needs them: the desktop, the demo,
// team mode and `mostrador-server serve`. The store and the ingestor that fills it, the Cloud
// API client, the outbox and the sender in front of it, the 24-hour windows, customers' files,
// the automatic replies, and one signal for every change to a conversation. Without an access
// token the outbox keeps what is written queued until the number is connected.
class ShopServices final : public QObject
{
    Q_OBJECT

public:
    using Runner = ShopAutomation::Runner;

    // Services on a store and API client that the caller keeps (tests, benchmarks). `runner`:
    // which program this is, so automatic replies are armed in one place only, never both.
    ShopServices(Database &database, WebhookIngestor &ingestor, CloudApiClient &client, const Clock &clock,
                 const QString &mediaFolder, Runner runner, QObject *parent = nullptr);
    ~ShopServices() override;

    // Opens the store at `location` and builds everything on it, started. `mediaFolder`: where
    // customers' files go (named by their SHA-256). Nothing, with the reason, when the store
    // cannot be opened.
    [[nodiscard]] static std::unique_ptr<ShopServices> open(const StoreLocation &location, const ApiConfig &api,
                                                            const QString &mediaFolder, Runner runner, QString *error);

    // Where the desktop keeps its store when not told: the user's data folder.
    [[nodiscard]] static QString defaultStorePath();

    // Recovers what a previous run left in flight, and starts answering, fetching and sending.
    void start();

    [[nodiscard]] Database &database() { return m_database; }
    [[nodiscard]] WebhookIngestor &ingestor() { return m_ingestor; }
    [[nodiscard]] CloudApiClient &client() { return m_client; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    [[nodiscard]] Outbox &outbox() { return *m_outbox; }
    [[nodiscard]] MessageSender &sender() { return *m_sender; }
    [[nodiscard]] WindowTracker &windows() { return *m_windows; }
    [[nodiscard]] MediaDownloader &media() { return *m_media; }
    [[nodiscard]] ConversationChanges &changes() { return *m_changes; }
    [[nodiscard]] CustomerBlocking &blocking() { return *m_blocking; }
    [[nodiscard]] CampaignScheduler &campaigns() { return *m_campaigns; }
    // Meta's catalog on the number, read into the store (on demand, and daily where the store lives).
    [[nodiscard]] CatalogSync &catalog() { return *m_catalog; }

    // The shop's country (ISO 3166), for numbers typed without one: as the shop set it, else
    // the system's.
    [[nodiscard]] QString region() { return regionOf(m_database); }
    [[nodiscard]] static QString regionOf(Database &database);
    StoreError setRegion(const QString &region);
    // Away and greeting replies; armed from the shop's settings when this program sends them.
    [[nodiscard]] AutoResponder &autoReplies() { return *m_autoReplies; }

    // The shop's opening hours and automatic replies as last saved in the store.
    [[nodiscard]] const ShopAutomation &automation() const { return m_automation; }
    // Saves them and arms (or disarms) this program's automatic replies.
    [[nodiscard]] StoreError setAutomation(const ShopAutomation &automation);

private:
    struct Owned;
    ShopServices(std::unique_ptr<Owned> owned, const QString &mediaFolder, Runner runner);
    void armAutomaticReplies();
    void applyRetention();

    std::unique_ptr<Owned> m_owned; // what open() built; empty when the caller keeps them
    Database &m_database;
    WebhookIngestor &m_ingestor;
    CloudApiClient &m_client;
    const Clock &m_clock;
    Runner m_runner;
    std::unique_ptr<ConversationChanges> m_changes;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<MessageSender> m_sender;
    std::unique_ptr<WindowTracker> m_windows;
    std::unique_ptr<MediaDownloader> m_media;
    std::unique_ptr<AutoResponder> m_autoReplies;
    std::unique_ptr<CustomerBlocking> m_blocking;
    std::unique_ptr<CampaignScheduler> m_campaigns;
    std::unique_ptr<CatalogSync> m_catalog;
    ShopAutomation m_automation;
    bool m_started = false;
};

} // namespace Mostrador
