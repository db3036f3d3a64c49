#include "shopservices.h"

#include "commerce/catalogsync.h"

#include "campaigns/campaignscheduler.h"

#include "api/cloudapiclient.h"
#include "automation/autoresponder.h"
#include "common/clock.h"
#include "common/privatefiles.h"
#include "conversationchanges.h"
#include "customerblocking.h"
#include "identity/phonenumbers.h"
#include "db/settingsstore.h"
#include "media/mediadownloader.h"
#include "outbox/messagesender.h"
#include "outbox/outbox.h"
#include "privacy/retention.h"
#include "webhook/webhookingestor.h"
#include "window/windowtracker.h"

#include <QDebug>
#include <QDir>
#include <QHostInfo>
#include <QTimer>
#include <QStandardPaths>

namespace Mostrador {

struct ShopServices::Owned {
    SystemClock clock;
    std::unique_ptr<Database> database;
    std::unique_ptr<WebhookIngestor> ingestor;
    std::unique_ptr<CloudApiClient> client;
};

ShopServices::ShopServices(Database &database, WebhookIngestor &ingestor, CloudApiClient &client, const Clock &clock,
                           const QString &mediaFolder, Runner runner, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_ingestor(ingestor)
    , m_client(client)
    , m_clock(clock)
    , m_runner(runner)
    , m_changes(std::make_unique<ConversationChanges>())
    , m_outbox(std::make_unique<Outbox>(database, client, clock))
    , m_sender(std::make_unique<MessageSender>(*m_outbox, client))
    , m_windows(std::make_unique<WindowTracker>(database, clock))
    , m_media(std::make_unique<MediaDownloader>(database, client, mediaFolder))
    , m_autoReplies(std::make_unique<AutoResponder>(database, *m_outbox, clock))
    , m_blocking(std::make_unique<CustomerBlocking>(database, client, clock))
    // The server looks for due campaigns every few seconds, a desktop every half minute: when the
    // shop has a server, it is the one that sends them.
    , m_campaigns(std::make_unique<CampaignScheduler>(database, *m_outbox, client, clock,
                                                      (runner == Runner::Server ? QStringLiteral("mostrador-server serve@")
                                                                                : QStringLiteral("desktop@"))
                                                          + QHostInfo::localHostName(),
                                                      runner == Runner::Server ? 3 : 30))
    , m_catalog(std::make_unique<CatalogSync>(client, database, mediaFolder))
{
    m_windows->reload();
    // The desktop knows the windows and refuses free-form messages to closed ones at once;
    // the server leaves that to the API (its refusal closes the window the same way).
    if (runner == Runner::ThisComputer)
        m_outbox->setWindowTracker(m_windows.get());
    connect(&ingestor, &WebhookIngestor::conversationsChanged, m_changes.get(), &ConversationChanges::report);
    // The WhatsApp Business app's history: shown, its files fetched, never answered.
    connect(&ingestor, &WebhookIngestor::historyStored, m_changes.get(), &ConversationChanges::report);
    connect(m_outbox.get(), &Outbox::conversationChanged, m_changes.get(), [this](qint64 conversationId) {
        m_changes->report({conversationId});
    });
    m_sender->setSentFileKeeper([this](qint64 messageId, const QByteArray &data, const QString &mimeType) {
        m_media->keepSent(messageId, data, mimeType);
    });
    StoreError error;
    m_automation = ShopAutomation::load(database, &error);
    armAutomaticReplies();
}

ShopServices::ShopServices(std::unique_ptr<Owned> owned, const QString &mediaFolder, Runner runner)
    : ShopServices(*owned->database, *owned->ingestor, *owned->client, owned->clock, mediaFolder, runner)
{
    m_owned = std::move(owned);
}

ShopServices::~ShopServices() = default;

QString ShopServices::defaultStorePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    PrivateFiles::secureFolder(folder);
    return QDir(folder).filePath(QStringLiteral("mostrador.db"));
}

std::unique_ptr<ShopServices> ShopServices::open(const StoreLocation &location, const ApiConfig &api, const QString &mediaFolder,
                                                 Runner runner, QString *error)
{
    auto owned = std::make_unique<Owned>();
    StoreError storeError;
    owned->database = Database::open(location, &storeError);
    if (!owned->database) {
        *error = storeError.userMessage;
        return nullptr;
    }
    owned->ingestor = std::make_unique<WebhookIngestor>(*owned->database);
    owned->client = std::make_unique<CloudApiClient>(api);
    std::unique_ptr<ShopServices> services(new ShopServices(std::move(owned), mediaFolder, runner));
    services->start();
    return services;
}

void ShopServices::start()
{
    if (m_started)
        return;
    m_started = true;
    m_outbox->recover();
    connect(&m_ingestor, &WebhookIngestor::conversationsChanged, m_autoReplies.get(), &AutoResponder::consider);
    connect(&m_ingestor, &WebhookIngestor::conversationsChanged, m_media.get(), &MediaDownloader::schedule, Qt::QueuedConnection);
    connect(&m_ingestor, &WebhookIngestor::historyStored, m_media.get(), &MediaDownloader::schedule, Qt::QueuedConnection);
    m_media->schedule();
    // Campaigns: a team's desktops leave them to the server, like the retention period.
    if (m_database.dialect().isSqlite() || m_runner == Runner::Server)
        m_campaigns->start();
    // The retention period and Meta's catalog, where the store lives: a team's desktops leave
    // them to the server.
    if (m_database.dialect().isSqlite() || m_runner == Runner::Server) {
        auto *catalog = new QTimer(this);
        catalog->callOnTimeout(m_catalog.get(), &CatalogSync::refresh);
        catalog->start(std::chrono::hours(24));
        QTimer::singleShot(std::chrono::seconds(20), m_catalog.get(), &CatalogSync::refresh);
        auto *retention = new QTimer(this);
        retention->callOnTimeout(this, &ShopServices::applyRetention);
        retention->start(std::chrono::hours(6));
        QTimer::singleShot(std::chrono::seconds(30), this, &ShopServices::applyRetention);
    }
}

void ShopServices::applyRetention()
{
    StoreError error;
    const auto forgotten = Retention(m_database, m_clock).apply(&error);
    if (!forgotten) {
        qWarning().noquote() << "the retention period could not be applied:" << error.detail;
        return;
    }
    if (forgotten->conversations > 0) {
        qInfo().noquote() << "retention: removed" << forgotten->conversations << "conversations untouched for longer than the shop keeps them";
        m_changes->report({});
    }
}

namespace {
const QString kRegionKey = QStringLiteral("shop/country");
}

QString ShopServices::regionOf(Database &database)
{
    StoreError error;
    const QString stored = SettingsStore(database).read(kRegionKey, &error).value(kRegionKey);
    return stored.size() == 2 ? stored.toUpper() : PhoneNumbers::defaultRegion();
}

StoreError ShopServices::setRegion(const QString &region)
{
    return SettingsStore(m_database).write({{kRegionKey, region.toUpper()}});
}

StoreError ShopServices::setAutomation(const ShopAutomation &automation)
{
    if (const StoreError error = automation.save(m_database); error.isError())
        return error;
    m_automation = automation;
    m_automation.configured = true;
    armAutomaticReplies();
    return {};
}

void ShopServices::armAutomaticReplies()
{
    AutoResponder::Settings settings = m_automation.replies;
    if (m_automation.runner != m_runner)
        settings.awayEnabled = settings.greetingEnabled = false; // the other program answers; never both
    m_autoReplies->setOpeningHours(m_automation.hours);
    m_autoReplies->setSettings(settings);
}

} // namespace Mostrador
