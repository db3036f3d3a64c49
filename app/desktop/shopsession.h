#pragma once

#include "api/apiconfig.h"
#include "automation/shopautomation.h"
#include "store/database.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Mostrador {

class AutoResponder;
class CloudApiClient;
class MediaDownloader;
class Outbox;
class SystemClock;
class Clock;
class WebhookIngestor;

// One shop's working set: its store, the ingestor that fills it, the Cloud API client and the
// outbox. Without an access token the outbox keeps what is written queued until the number is
// connected.
class ShopSession final : public QObject
{
    Q_OBJECT

public:
    ~ShopSession() override;

    // `mediaFolder`: where customers' files go (named by their SHA-256).
    [[nodiscard]] static std::unique_ptr<ShopSession> open(const StoreLocation &location, const ApiConfig &api,
                                                           const QString &mediaFolder, QString *error);

    // Where the desktop keeps its store when not told: the user's data folder.
    [[nodiscard]] static QString defaultStorePath();

    [[nodiscard]] Database &database() { return *m_database; }
    [[nodiscard]] WebhookIngestor &ingestor() { return *m_ingestor; }
    [[nodiscard]] CloudApiClient &client() { return *m_client; }
    [[nodiscard]] Outbox &outbox() { return *m_outbox; }
    [[nodiscard]] MediaDownloader &media() { return *m_media; }
    // Away and greeting replies; off until given settings.
    [[nodiscard]] AutoResponder &autoReplies() { return *m_autoReplies; }
    [[nodiscard]] const Clock &clock() const;

    // The shop's opening hours and automatic replies as last saved in the store.
    [[nodiscard]] const ShopAutomation &automation() const { return m_automation; }
    // Saves them and arms (or disarms) this program's automatic replies: armed only when this
    // computer is the one that answers for the shop.
    [[nodiscard]] StoreError setAutomation(const ShopAutomation &automation);

private:
    ShopSession();
    void armAutomaticReplies();

    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<WebhookIngestor> m_ingestor;
    std::unique_ptr<CloudApiClient> m_client;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<MediaDownloader> m_media;
    std::unique_ptr<AutoResponder> m_autoReplies;
    ShopAutomation m_automation;
};

} // namespace Mostrador
