#include "campaignscheduler.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "common/clock.h"
#include "campaigns/campaignstore.h"

namespace Mostrador {

CampaignScheduler::CampaignScheduler(Database &database, Outbox &outbox, CloudApiClient &client, const Clock &clock,
                                     const QString &runnerName, int pollSeconds, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_clock(clock)
    , m_runner(database, outbox, clock, runnerName)
{
    m_timer.setInterval(pollSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &CampaignScheduler::poll);
    connect(&m_runner, &CampaignRunner::progressed, this, &CampaignScheduler::progressed);
    connect(&m_runner, &CampaignRunner::finished, this, [this](qint64 id) {
        Q_EMIT finished(id);
        QTimer::singleShot(0, this, &CampaignScheduler::poll); // the next one, if any
    });
    connect(&m_runner, &CampaignRunner::failed, this, [this](qint64 id) { Q_EMIT progressed(id); });
}

void CampaignScheduler::start()
{
    // The limits are asked at the first poll, not here: whoever starts the shop's services may
    // still be pointing the client at its API (the demo's sandbox, the setup wizard's number).
    m_timer.start();
    QTimer::singleShot(0, this, &CampaignScheduler::poll);
}

void CampaignScheduler::pollSoon()
{
    if (m_timer.isActive())
        QTimer::singleShot(0, this, &CampaignScheduler::poll);
}

void CampaignScheduler::readNumberLimits()
{
    // The number's throughput and daily tier, when Meta says them; its defaults meanwhile.
    // Asked again whenever the client now talks to another API or number.
    const ApiConfig &config = m_client.config();
    const QString askedOf = config.baseUrl.toString() + u' ' + config.phoneNumberId + u' ' + config.accessToken;
    if (config.accessToken.isEmpty() || askedOf == m_limitsAskedOf)
        return;
    m_limitsAskedOf = askedOf;
    GraphJob *job = m_client.phoneNumberInfo();
    connect(job, &ApiJob::finished, this, [this, job] {
        if (!job->succeeded())
            return;
        m_settings.takeLimitsOf(PhoneNumberInfo::fromJson(job->response()));
        m_runner.setSettings(m_settings);
    });
}

void CampaignScheduler::poll()
{
    if (m_runner.isRunning() || m_client.config().accessToken.isEmpty())
        return;
    readNumberLimits();
    StoreError error;
    const QList<qint64> due = CampaignStore(m_database).runnable(m_clock.now(), &error);
    for (const qint64 id : due) {
        QString ignored;
        if (m_runner.start(id, &ignored))
            return;
    }
}

} // namespace Mostrador
