#pragma once

#include "db/storeerror.h"

#include "messaging/messagetypes.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

namespace Mostrador {

class Database;
class PreparedStatement;

// One message as a report counts it. Times are milliseconds since the epoch, UTC.
struct ReportMessage {
    qint64 conversationId = 0;
    qint64 sentAt = 0;
    MessageOrigin origin = MessageOrigin::Customer;
    bool countsForWaiting = false; // see SqlFragments::countsForWaiting
    qint64 agentId = 0;            // the shop person who wrote it, in team mode; else 0
    // What Meta said a sent message is charged as: not said, a free service reply, or another
    // category (then named in pricingCategory: marketing, utility, authentication…).
    enum class Pricing { None, Service, Other } pricing = Pricing::None;
    QString pricingCategory;
    bool billable = false;
    bool byMetaAgent = false; // written by Meta Business Agent, Meta's own AI (billed per token)
};

struct ReportConversation {
    qint64 customerId = 0;
    QString customerName;
    QString waId;
    qint64 createdAt = 0;
    qint64 firstContactAt = 0; // the customer's first message ever; 0 when they never wrote
};

// A customer's wait that began before a report's period.
struct ReportWait {
    qint64 since = 0;         // their first message after the shop last answered
    qint64 lastCustomerAt = 0;
};

struct ReportResolution {
    qint64 conversationId = 0;
    qint64 previousAt = -1; // the resolution before it, if any
    qint64 resolvedAt = 0;
    qint64 openedAt = 0;    // the first customer message after previousAt (filled by the report)
};

// What reports read, and nothing else: the messages of a period in the order they were written,
// the conversations they belong to, the resolutions, the team's names. Read-only.
class ReportStore final
{
public:
    explicit ReportStore(Database &database);
    ~ReportStore();

    // Every message written in [from, to), oldest first. Reads one index only.
    StoreError forEachMessage(qint64 from, qint64 to, const std::function<void(const ReportMessage &)> &visit);
    // The customers' messages of [from, to) that came from an ad: conversation and Meta's referral.
    StoreError forEachArrivalFromAd(qint64 from, qint64 to, const std::function<void(qint64, const QString &)> &visit);
    // Every conversation, by id.
    StoreError conversations(QHash<qint64, ReportConversation> *into);
    // The conversations whose customer was waiting for the shop at `from` (SqlFragments::
    // waitingForUs as it stood then: the last message that starts or ends a wait was theirs, and
    // no resolution came after it), with when the wait began and when they last wrote.
    StoreError waitingAt(qint64 from, QHash<qint64, ReportWait> *into);
    // Conversations resolved in [from, to), oldest first, each with the resolution before it.
    StoreError resolutions(qint64 from, qint64 to, QList<ReportResolution> *into);
    // When the customer first wrote in a conversation after `after` and no later than `until`;
    // 0 when they did not.
    [[nodiscard]] qint64 firstCustomerMessage(qint64 conversationId, qint64 after, qint64 until, StoreError *error);
    // Everyone in the team, by id (names kept after they left).
    StoreError agents(QHash<qint64, QString> *into);
    // Conversations not resolved whose customer is waiting for a person of the shop right now.
    [[nodiscard]] int waitingNow(StoreError *error);

private:
    Database &m_database;
    std::unique_ptr<PreparedStatement> m_firstCustomerMessage; // asked once per resolved conversation
};

} // namespace Mostrador
