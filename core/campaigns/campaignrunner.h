#pragma once

#include "api/apitypes.h"
#include "campaigns/campaignstore.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <deque>
#include <optional>

namespace Mostrador {

class Clock;
class Database;
class Outbox;

// Sends one campaign through the outbox: each customer's message is written and tied to them
// in one transaction, so running a campaign again (after a crash, a kill, a reboot) goes on
// where it stopped and never writes twice to anyone. At most `perSecond` messages a second,
// never more than the number's daily limit of customers written to first, from the campaign's
// time on; paused and cancelled from anywhere that shares the store. One runner at a time
// holds a campaign (a lease renewed while it sends), so the server and a desktop never both send it.
class CampaignRunner final : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        int perSecond = 80;          // the number's throughput, when the campaign says nothing lower
        std::optional<int> dailyLimit; // the number's messaging limit tier
        int confirmWaitSeconds = 30; // after a crash: how long Meta's word on messages in flight is awaited
        int leaseSeconds = 30;

        // The number's own pace and daily limit, as its phone number's fields say them.
        void takeLimitsOf(const PhoneNumberInfo &number)
        {
            perSecond = number.messagesPerSecond();
            dailyLimit = number.customersPerDay();
        }
    };

    CampaignRunner(Database &database, Outbox &outbox, const Clock &clock, QString runnerName, QObject *parent = nullptr);

    void setSettings(const Settings &settings) { m_settings = settings; }

    // Takes the campaign and starts (or goes on) sending it. False, with the reason in
    // `problem`, when it is over or another runner holds it.
    bool start(qint64 campaignId, QString *problem);
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }
    [[nodiscard]] qint64 campaignId() const { return m_campaignId; }
    // Messages in flight when a run was killed, that were neither confirmed nor sent again.
    [[nodiscard]] int leftUnconfirmed() const { return m_leftUnconfirmed; }

Q_SIGNALS:
    void progressed(qint64 campaignId);
    void waitingForDailyLimit(qint64 campaignId);
    void finished(qint64 campaignId);
    void failed(qint64 campaignId, const QString &reason);

private:
    void tick();
    bool keepLease();
    void settleEarlierRun();
    bool enqueueNext();
    void finish(CampaignState state);
    // True when `error` is one: this tick sends nothing more and finishes nothing.
    bool interrupted(const StoreError &error);
    // A write whose failure repairs itself (`consequence` says how): logged.
    void noted(const StoreError &error, const char *consequence) const;

    Database &m_database;
    Outbox &m_outbox;
    const Clock &m_clock;
    const QString m_runner;
    CampaignStore m_store;
    Settings m_settings;
    QTimer m_timer;
    qint64 m_campaignId = 0;
    Campaign m_campaign;
    QList<PendingRecipient> m_buffer;
    std::deque<qint64> m_recentEnqueues; // ms
    QDateTime m_startedAt;
    QDateTime m_nextLeaseAt;
    QDateTime m_settleAt;       // when messages left in flight by a crash are decided
    bool m_settled = false;
    int m_leftUnconfirmed = 0;
    bool m_interruptedThisTick = false; // a read or write failed: nothing is concluded from this tick
    bool m_storeFailing = false;        // since a tick that went through; said once
    int m_sentToday = -1;       // campaign messages in the last 24 hours, counted once a second
    QDateTime m_countedAt;
};

} // namespace Mostrador
