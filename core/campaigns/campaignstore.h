#pragma once

#include "db/storeerror.h"
#include "db/storeresult.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Mostrador {

class Database;

// Where a campaign is. Stored in campaigns.state.
enum class CampaignState { Ready, Running, Paused, Cancelled, Finished };
[[nodiscard]] QString campaignStateName(CampaignState state);
[[nodiscard]] CampaignState campaignStateFromName(const QString &name);

struct Campaign {
    qint64 id = 0;
    QString name;
    QString templateName;
    QString templateLanguage;
    QString templateCategory; // MARKETING, UTILITY… (what it costs)
    QString templateBody;     // to show what each customer got
    QStringList parameters;   // as chosen: fixed text, or {first_name}, {note}, {COLUMN}
    QString audience;         // how the audience was chosen, in words
    int perSecond = 0;        // 0: as fast as the number may
    QDateTime sendAt;         // invalid: now
    CampaignState state = CampaignState::Ready;
    QString runner;           // who is sending it ("server" or "desktop:HOST"), while its lease lasts
    QDateTime runnerUntil;
    QDateTime createdAt;
    QDateTime finishedAt;
};

// A customer a campaign could go to, with what the audience rules need to know of them.
struct CampaignCandidate {
    qint64 customerId = 0;
    QString waId;
    QString userId;
    QString name;      // what the shop calls them, else their WhatsApp name
    QString note;
    bool blocked = false;
    bool optedOut = false;
};

// One customer of a campaign: their values for the template, and the message they got, or
// why they were left out.
struct CampaignRecipient {
    qint64 customerId = 0;
    QStringList parameters;
    QString skipped; // empty: they receive it
};

// A recipient still to be written to.
struct PendingRecipient {
    qint64 customerId = 0;
    QString waId;
    QString userId;
    QStringList parameters;
};

// What became of a campaign's messages, from the outbox's states and the status webhooks.
struct CampaignTally {
    int audience = 0;     // recipients who were to receive it
    int skipped = 0;
    int waiting = 0;      // not written yet, or queued
    int sending = 0;
    int sent = 0;         // accepted by Meta (and further)
    int delivered = 0;
    int read = 0;
    int replied = 0;      // the customer wrote after it
    int failed = 0;
    int unconfirmed = 0;  // in flight during a crash; not sent again
    QHash<int, int> failuresByCode;          // Meta's error code → how many
    QHash<QString, int> skippedByReason;
    QList<std::pair<QString, QString>> charged; // (the customer's wa_id, Meta's category) of each billable message
};

// The store side of campaigns, opt-outs and Meta's template reviews.
class CampaignStore final
{
public:
    explicit CampaignStore(Database &database);

    [[nodiscard]] std::optional<Campaign> find(const QString &name, StoreError *error);
    [[nodiscard]] std::optional<Campaign> find(qint64 id, StoreError *error);
    [[nodiscard]] QList<Campaign> all(StoreError *error);
    // A new campaign with its recipients, in one transaction; fails if the name is taken.
    [[nodiscard]] std::optional<qint64> create(const Campaign &campaign, const QList<CampaignRecipient> &recipients,
                                               StoreError *error);
    StoreError setState(qint64 campaignId, CampaignState state);
    StoreError remove(qint64 campaignId); // only a campaign that never sent

    // Who sends a campaign: `runner` takes it (or renews its lease) unless another runner's lease
    // still lasts. True when it holds it now.
    [[nodiscard]] std::optional<bool> claim(qint64 campaignId, const QString &runner, const QDateTime &now,
                                            const QDateTime &until, StoreError *error);
    StoreError release(qint64 campaignId, const QString &runner);
    // Campaigns due to be sent (or going on) that no runner holds now, oldest first.
    [[nodiscard]] QList<qint64> runnable(const QDateTime &now, StoreError *error);

    // Audiences.
    [[nodiscard]] QList<CampaignCandidate> withLabel(const QString &label, StoreError *error);
    [[nodiscard]] QList<CampaignCandidate> whoWrote(const QDateTime &from, const QDateTime &to, StoreError *error);
    [[nodiscard]] QList<CampaignCandidate> matching(const QString &text, StoreError *error);
    // The customers with these WhatsApp numbers (any of their forms), created when new (or, with
    // `create` false, given with id 0 and nothing written).
    [[nodiscard]] QList<CampaignCandidate> byNumbers(const QStringList &waIds, const QDateTime &now, bool create, StoreError *error);

    // Sending. A campaign's message does not move its conversation up the inbox, nor open one
    // that had nothing: the conversation comes up when the customer answers.
    struct Place {
        QVariant lastMessageId;
        QVariant lastMessageAt;
    };
    [[nodiscard]] std::optional<Place> placeOf(qint64 conversationId, StoreError *error);
    StoreError keepPlace(qint64 conversationId, const Place &place);

    StoreResult<QList<PendingRecipient>> pending(qint64 campaignId, int limit);
    // Records that `messageId` is this customer's message; false when someone already wrote to them.
    [[nodiscard]] std::optional<bool> attach(qint64 campaignId, qint64 customerId, qint64 messageId, StoreError *error);
    // Messages still in the queue or in flight; those left in flight by a crash, with no word from Meta.
    StoreResult<int> unsettled(qint64 campaignId);
    StoreResult<QList<qint64>> inFlightWithoutWamid(qint64 campaignId);
    StoreResult<QList<qint64>> queued(qint64 campaignId);

    // Campaign messages written since `since`, every campaign's (the number's daily limit counts them all).
    StoreResult<int> writtenSince(const QDateTime &since);

    [[nodiscard]] CampaignTally tally(qint64 campaignId, StoreError *error);


private:
    Database &m_database;
};

} // namespace Mostrador
