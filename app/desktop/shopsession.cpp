#include "shopsession.h"

#include "api/cloudapiclient.h"
#include "automation/autoresponder.h"
#include "common/clock.h"
#include "media/mediadownloader.h"
#include "outbox/outbox.h"
#include "store/webhookingestor.h"

#include <QDir>
#include <QStandardPaths>

namespace Mostrador {

ShopSession::ShopSession()
    : m_clock(std::make_unique<SystemClock>())
{
}

ShopSession::~ShopSession() = default;

const Clock &ShopSession::clock() const
{
    return *m_clock;
}

QString ShopSession::defaultStorePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("mostrador.db"));
}

std::unique_ptr<ShopSession> ShopSession::open(const StoreLocation &location, const ApiConfig &api, const QString &mediaFolder,
                                               QString *error)
{
    std::unique_ptr<ShopSession> session(new ShopSession);
    StoreError storeError;
    session->m_database = Database::open(location, &storeError);
    if (!session->m_database) {
        *error = storeError.userMessage;
        return nullptr;
    }
    session->m_ingestor = std::make_unique<WebhookIngestor>(*session->m_database);
    session->m_client = std::make_unique<CloudApiClient>(api);
    session->m_outbox = std::make_unique<Outbox>(*session->m_database, *session->m_client, *session->m_clock);
    session->m_outbox->recover();
    session->m_media = std::make_unique<MediaDownloader>(*session->m_database, *session->m_client, mediaFolder);
    session->m_autoReplies = std::make_unique<AutoResponder>(*session->m_database, *session->m_outbox, *session->m_clock);
    connect(session->m_ingestor.get(), &WebhookIngestor::conversationsChanged, session->m_autoReplies.get(),
            &AutoResponder::consider);
    connect(session->m_ingestor.get(), &WebhookIngestor::conversationsChanged, session->m_media.get(), &MediaDownloader::schedule,
            Qt::QueuedConnection);
    session->m_media->schedule();
    session->m_automation = ShopAutomation::load(*session->m_database, &storeError);
    session->armAutomaticReplies();
    return session;
}

StoreError ShopSession::setAutomation(const ShopAutomation &automation)
{
    if (StoreError error = automation.save(*m_database))
        return error;
    m_automation = automation;
    m_automation.configured = true;
    armAutomaticReplies();
    return {};
}

void ShopSession::armAutomaticReplies()
{
    AutoResponder::Settings settings = m_automation.replies;
    if (m_automation.runner != ShopAutomation::Runner::ThisComputer)
        settings.awayEnabled = settings.greetingEnabled = false; // the server answers; never both
    m_autoReplies->setOpeningHours(m_automation.hours);
    m_autoReplies->setSettings(settings);
}

} // namespace Mostrador
