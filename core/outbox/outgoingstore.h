#pragma once

#include "common/clock.h"
#include "db/storeerror.h"
#include "messaging/messagetypes.h"
#include "messaging/wireerror.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Mostrador {

class Database;

// Where an outgoing message is on its way out. Stored in messages.outbox_state.
enum class OutboxState {
    Queued,       // stored, waiting its turn
    Sending,      // the request is in flight (if we crash now, its fate is unknown)
    Accepted,     // the API answered with a wamid; statuses arrive by webhook
    Failed,       // refused for good, with a reason; the user decides
    Unconfirmed,  // in flight during a crash and no status came: the user decides
    Discarded,    // the user gave up on it; kept in the history as not sent
};

[[nodiscard]] QString outboxStateName(OutboxState state);
[[nodiscard]] std::optional<OutboxState> outboxStateFromName(const QString &name);

struct OutgoingMessage {
    qint64 id = 0;
    qint64 conversationId = 0;
    QString clientId;
    QString wamid;
    CustomerIdentity recipient; // who the conversation is with, as WhatsApp knows them
    OutboxState state = OutboxState::Queued;
    QJsonObject payload;
    int attempts = 0;
};

// The store side of sending: an outgoing message is written before anything leaves the PC,
// and every step of its way is recorded, so a crash can be recovered from without sending
// twice or losing anything.
class OutgoingStore final
{
public:
    // Messages are stamped with `clock`'s time, the same clock the window and automation use.
    explicit OutgoingStore(Database &database, const Clock &clock = systemClock());

    // The conversation on this business number with the customer WhatsApp knows as `customer`
    // (a wa_id in any of its forms, or a business-scoped user id), created if new.
    [[nodiscard]] std::optional<qint64> conversationForCustomer(const QString &customer, const QString &businessNumberId,
                                                               StoreError *error);
    // The send's answer named the customer's number in WhatsApp's form: remember it.
    StoreError learnRecipient(qint64 conversationId, const QString &waId);

    // In team mode, the person at this desktop: the messages they write carry their id (automatic
    // replies carry none). 0: nobody in particular.
    void setAuthor(qint64 agentId) { m_authorId = agentId; }

    // Stores a message to send. `payload` is the API request body without its addressee and
    // biz_opaque_callback_data (added from the client id). Returns the stored message. With
    // `sendAt`, the message waits until then (a reply written while the shop is closed, sent at
    // opening time) without holding back the conversation's other messages.
    [[nodiscard]] std::optional<OutgoingMessage> enqueue(qint64 conversationId, MessageKind kind, const QString &text,
                                                         const QJsonObject &payload, bool automatic, StoreError *error,
                                                         const QDateTime &sendAt = {});

    // Takes a queued message for sending: true when this sender got it, false when another
    // sender sharing the store already had (nothing to do), nothing on a store error.
    [[nodiscard]] std::optional<bool> claimForSending(qint64 messageId, StoreError *error);
    // The request was written out in full: from now on Meta may have it.
    StoreError markLeft(qint64 messageId, const QDateTime &at);
    StoreError markAccepted(qint64 messageId, const QString &wamid);
    StoreError markFailed(qint64 messageId, const WireError &error);
    StoreError markRetry(qint64 messageId, const QDateTime &nextAttempt);

    // Back in the queue after the user said so (failed, unconfirmed or discarded messages only);
    // a new payload or text replaces the old one. Keeps the client id, so a late status for the
    // first attempt still finds it.
    StoreError requeue(qint64 messageId, const std::optional<QJsonObject> &newPayload, const QString &newText);
    StoreError markDiscarded(qint64 messageId);

    [[nodiscard]] std::optional<OutgoingMessage> find(qint64 messageId, StoreError *error);

    // Due messages, at most `limit`: queued, their time come, the oldest queued of their
    // conversation (messages scheduled for later stand aside) and nothing of it in flight.
    [[nodiscard]] QList<qint64> due(const QDateTime &now, int limit, StoreError *error);
    // The earliest retry or scheduled send still to come; invalid when none.
    [[nodiscard]] QDateTime nextScheduledAttempt(StoreError *error);
    // After a restart: a message left "sending" that has its wamid was accepted.
    StoreError settleAccepted();
    // Messages still "sending" without a wamid become unconfirmed; returns their ids.
    [[nodiscard]] QList<qint64> markUnconfirmed(StoreError *error);

private:
    Database &m_database;
    const Clock &m_clock;
    qint64 m_authorId = 0;
};

} // namespace Mostrador
