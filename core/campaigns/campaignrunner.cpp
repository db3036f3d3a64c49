#include "campaignrunner.h"

#include "api/messagepayloads.h"
#include "api/templatetext.h"
#include "common/clock.h"
#include "outbox/outbox.h"
#include "db/database.h"

#include <QLoggingCategory>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcCampaign, "mostrador.campaign")

namespace {

constexpr int kTickMs = 20;
constexpr int kBatch = 200;
// "A second", with room for requests that leave a little late (as the outbox counts it).
constexpr int kPaceWindowMs = 1100;

} // namespace

CampaignRunner::CampaignRunner(Database &database, Outbox &outbox, const Clock &clock, QString runnerName, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_outbox(outbox)
    , m_clock(clock)
    , m_runner(std::move(runnerName))
    , m_store(database)
{
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &CampaignRunner::tick);
}

bool CampaignRunner::start(qint64 campaignId, QString *problem)
{
    StoreError error;
    const auto campaign = m_store.find(campaignId, &error);
    if (!campaign) {
        *problem = error.isError() ? error.userMessage : tr("There is no such campaign.");
        return false;
    }
    if (campaign->state == CampaignState::Finished || campaign->state == CampaignState::Cancelled) {
        *problem = campaign->state == CampaignState::Finished ? tr("This campaign has already been sent.")
                                                              : tr("This campaign was cancelled.");
        return false;
    }
    const QDateTime now = m_clock.now();
    const auto claimed = m_store.claim(campaignId, m_runner, now, now.addSecs(m_settings.leaseSeconds), &error);
    if (!claimed || !*claimed) {
        *problem = error.isError() ? error.userMessage
                                   : tr("%1 is sending this campaign; it goes on there.").arg(campaign->runner);
        return false;
    }
    m_campaignId = campaignId;
    m_campaign = *campaign;
    if (m_campaign.state == CampaignState::Ready)
        noted(m_store.setState(campaignId, CampaignState::Running), "shown as ready while it runs");
    m_buffer.clear();
    m_recentEnqueues.clear();
    m_startedAt = now;
    m_nextLeaseAt = now.addSecs(std::max(1, m_settings.leaseSeconds / 3));
    // Messages a killed run left in flight: Meta's word on them (a status naming them) is awaited
    // first. Unreadable now, they are looked for again (settleEarlierRun).
    const auto inFlight = m_store.inFlightWithoutWamid(campaignId);
    m_settled = !inFlight.isError() && inFlight->isEmpty();
    m_settleAt = now.addSecs(m_settings.confirmWaitSeconds + 2); // after the outbox marked them unconfirmed
    m_leftUnconfirmed = 0;
    m_sentToday = -1;
    m_timer.start();
    return true;
}

void CampaignRunner::stop()
{
    m_timer.stop();
    if (m_campaignId)
        noted(m_store.release(m_campaignId, m_runner), "its lease runs out on its own");
}

bool CampaignRunner::keepLease()
{
    const QDateTime now = m_clock.now();
    if (now < m_nextLeaseAt)
        return true;
    m_nextLeaseAt = now.addSecs(std::max(1, m_settings.leaseSeconds / 3));
    StoreError error;
    const auto claimed = m_store.claim(m_campaignId, m_runner, now, now.addSecs(m_settings.leaseSeconds), &error);
    if (!claimed || !*claimed) {
        m_timer.stop();
        Q_EMIT failed(m_campaignId, error.isError() ? error.userMessage : tr("Another computer took this campaign over."));
        return false;
    }
    // Paused or cancelled elsewhere (a desktop, the command line)?
    if (const auto campaign = m_store.find(m_campaignId, &error))
        m_campaign = *campaign;
    return true;
}

void CampaignRunner::settleEarlierRun()
{
    // Messages a killed run left "sending": those never written out went back to the queue (the
    // outbox's recovery); those that left may be with Meta, and only Meta's word settles them (a
    // status naming them by their callback data). They are never sent again: if no word comes,
    // they stay unconfirmed and the results say so.
    if (m_settled || m_clock.now() < m_settleAt)
        return;
    const auto inFlight = m_store.inFlightWithoutWamid(m_campaignId);
    if (interrupted(inFlight.error()))
        return; // not read is not "none waiting": looked at again next time
    const int waiting = int(inFlight->size());
    const bool givingUp = m_clock.now() >= m_settleAt.addSecs(std::max(60, 10 * m_settings.confirmWaitSeconds));
    if (waiting == 0 || givingUp) {
        m_settled = true;
        m_leftUnconfirmed = waiting;
        if (waiting)
            qCInfo(lcCampaign) << "campaign" << m_campaignId << ":" << waiting << "messages sent before a crash had no word from Meta";
    }
}

bool CampaignRunner::enqueueNext()
{
    if (m_buffer.isEmpty()) {
        const auto pending = m_store.pending(m_campaignId, kBatch);
        if (interrupted(pending.error()))
            return false;
        m_buffer = *pending;
        if (m_buffer.isEmpty())
            return false;
    }
    StoreError error;
    const PendingRecipient recipient = m_buffer.takeFirst();
    const QJsonObject payload = MessagePayloads::templateMessage({}, m_campaign.templateName, m_campaign.templateLanguage,
                                                                 recipient.parameters);
    const QString shown = m_campaign.templateBody.isEmpty()
        ? m_campaign.templateName
        : TemplateText(m_campaign.templateBody).render(recipient.parameters);

    // The message and the mark that this customer has theirs, together or not at all.
    if ((error = m_database.begin()).isError()) {
        Q_EMIT failed(m_campaignId, error.userMessage);
        return false;
    }
    const auto conversation = m_outbox.conversationWith(recipient.waId.isEmpty() ? recipient.userId : recipient.waId, &error);
    const auto place = conversation ? m_store.placeOf(*conversation, &error) : std::nullopt;
    const auto message = place ? m_outbox.enqueue(*conversation, MessageKind::Text, shown, payload, false, &error) : std::nullopt;
    const auto attached = message ? m_store.attach(m_campaignId, recipient.customerId, message->id, &error) : std::nullopt;
    if (attached && *attached)
        error = m_store.keepPlace(*conversation, *place);
    if (!attached || !*attached || error.isError()) {
        m_database.rollback();
        if (error.isError()) {
            Q_EMIT failed(m_campaignId, error.userMessage);
            return false;
        }
        return true; // someone else wrote to them meanwhile
    }
    if ((error = m_database.commit()).isError()) {
        Q_EMIT failed(m_campaignId, error.userMessage);
        return false;
    }
    m_recentEnqueues.push_back(m_clock.now().toMSecsSinceEpoch());
    if (m_sentToday >= 0)
        ++m_sentToday;
    return true;
}

void CampaignRunner::tick()
{
    if (!keepLease())
        return;
    if (m_campaign.state == CampaignState::Cancelled) {
        // What is still in the queue is not sent; what went, went. Until every queued message is
        // discarded the campaign is not over: a failure is tried again on the next tick.
        const auto queued = m_store.queued(m_campaignId);
        if (interrupted(queued.error()))
            return;
        for (const qint64 id : *queued) {
            if (interrupted(m_outbox.discard(id)))
                return;
        }
        finish(CampaignState::Cancelled);
        return;
    }
    m_storeFailing = m_storeFailing && m_interruptedThisTick; // the last tick went through: a new spell is said again
    m_interruptedThisTick = false;
    settleEarlierRun();
    const QDateTime now = m_clock.now();
    if (m_campaign.state == CampaignState::Paused || (m_campaign.sendAt.isValid() && now < m_campaign.sendAt))
        return;

    if (m_settings.dailyLimit) {
        if (m_sentToday < 0 || m_countedAt.secsTo(now) >= 60) {
            // Uncounted is not "none written": nothing is sent until the count is known.
            const auto written = m_store.writtenSince(now.addDays(-1));
            if (interrupted(written.error()))
                return;
            m_sentToday = *written;
            m_countedAt = now;
        }
        if (m_sentToday >= *m_settings.dailyLimit) {
            Q_EMIT waitingForDailyLimit(m_campaignId);
            return;
        }
    }

    const int perSecond = m_campaign.perSecond > 0 ? std::min(m_campaign.perSecond, m_settings.perSecond) : m_settings.perSecond;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    while (!m_recentEnqueues.empty() && nowMs - m_recentEnqueues.front() >= kPaceWindowMs)
        m_recentEnqueues.pop_front();
    // Not more than a second's worth waiting in the queue: the pace is kept when they leave.
    const auto unsettled = m_store.unsettled(m_campaignId);
    if (interrupted(unsettled.error()))
        return;
    const int waiting = *unsettled;
    bool wrote = false;
    bool more = true;
    int room = std::min(perSecond - int(m_recentEnqueues.size()), perSecond - waiting);
    if (m_settings.dailyLimit)
        room = std::min(room, *m_settings.dailyLimit - m_sentToday); // the limit holds within a tick too
    while (room-- > 0 && (more = enqueueNext()))
        wrote = true;
    if (wrote)
        Q_EMIT progressed(m_campaignId);
    if (more || !m_buffer.isEmpty() || !m_settled || waiting != 0 || m_interruptedThisTick)
        return;
    // Finished only when the store says, in two reads that worked, that nobody is left.
    const auto left = m_store.pending(m_campaignId, 1);
    if (interrupted(left.error()) || !left->isEmpty())
        return;
    const auto stillGoing = m_store.unsettled(m_campaignId);
    if (!interrupted(stillGoing.error()) && *stillGoing == 0)
        finish(CampaignState::Finished);
}

void CampaignRunner::noted(const StoreError &error, const char *consequence) const
{
    if (error.isError())
        qCWarning(lcCampaign) << "campaign" << m_campaignId << ":" << error.detail << "-" << consequence;
}

bool CampaignRunner::interrupted(const StoreError &error)
{
    if (!error.isError())
        return false;
    // Tried again every tick, said once per spell of failures; the campaign keeps its state.
    m_interruptedThisTick = true;
    if (!m_storeFailing) {
        m_storeFailing = true;
        qCWarning(lcCampaign) << "campaign" << m_campaignId << "waits for the store:" << error.detail;
        Q_EMIT failed(m_campaignId, error.userMessage);
    }
    return true;
}

void CampaignRunner::finish(CampaignState state)
{
    m_timer.stop();
    // Unrecorded, the next run finds nobody left and finishes it again.
    noted(m_store.setState(m_campaignId, state), "its end is recorded by the next run");
    noted(m_store.release(m_campaignId, m_runner), "its lease runs out on its own");
    Q_EMIT finished(m_campaignId);
}

} // namespace Mostrador
