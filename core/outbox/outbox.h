#pragma once

#include "messaging/wireerror.h"
#include "outbox/outgoingstore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>

namespace Mostrador {

class Clock;
class CloudApiClient;
class Database;
class WindowTracker;

// Sends what the user (or an automatic reply) wrote: stored first, then sent in order per
// conversation, retried with backoff only when waiting can help (rate limits, network, server),
// stopped with a clear reason otherwise. After a crash, recover() sorts out messages that were in
// flight: none is sent twice, none is silently dropped.
class Outbox final : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        int maxAttempts = 6;
        int maxInFlight = 8;          // across conversations; one at a time within each
        int firstRetrySeconds = 2;    // doubles on each attempt
        int unconfirmedGraceSeconds = 120;
        int maxPerSecond = 80;            // per business number: Meta's default throughput
        int rateWindowMs = 1100;          // "a second", with room for requests that leave late
        int perCustomerIntervalMs = 1000; // Meta limits messages to one customer in a short span
    };

    Outbox(Database &database, CloudApiClient &client, const Clock &clock, QObject *parent = nullptr);

    void setSettings(const Settings &settings) { m_settings = settings; }

    // With a tracker, free-form messages to a conversation whose 24-hour window is closed fail
    // at once with OutsideWindow instead of being sent to be refused.
    void setWindowTracker(const WindowTracker *tracker) { m_windows = tracker; }
    // Team mode: who at this desktop writes what is sent from it (see OutgoingStore::setAuthor).
    void setAuthor(qint64 agentId) { m_store.setAuthor(agentId); }

    // Stores a message to the conversation's customer and queues it; `payload` is the request
    // body without its addressee (added when sent, from the customer's identity). Returns the
    // stored message, or nothing (with the reason in `error`) when it could not even be stored.
    // With `sendAt`, it is sent then (scheduled messages do not hold back the conversation's others).
    std::optional<OutgoingMessage> enqueue(qint64 conversationId, MessageKind kind, const QString &text,
                                           const QJsonObject &payload, bool automatic, StoreError *error,
                                           const QDateTime &sendAt = {});

    // The conversation with the customer whose WhatsApp id is `waId` on this number, created
    // when new (a message written first, or sent from the command line).
    [[nodiscard]] std::optional<qint64> conversationWith(const QString &waId, StoreError *error);

    // After a restart: messages left "sending" wait `unconfirmedGraceSeconds` for a status
    // webhook naming them, then become Unconfirmed for the user to decide. Queued ones go on.
    void recover();

    // Looks for due messages and starts sending them.
    void pump();

    // What the user may do with a message that failed or was never confirmed: send it again
    // (unchanged, or with a new payload, e.g. a corrected text), or drop it from the queue.
    // Discarded messages stay in the history, marked as not sent.
    StoreError retry(qint64 messageId, const std::optional<QJsonObject> &newPayload = std::nullopt,
                     const QString &newText = {});
    StoreError discard(qint64 messageId);
    // The request a message was sent with, without its addressee or its own callback id: what
    // a copy of it sends again (a message Meta took and then could not deliver keeps its record).
    [[nodiscard]] std::optional<OutgoingMessage> requestOf(qint64 messageId, StoreError *error);

    [[nodiscard]] int inFlight() const { return int(m_sendingConversations.size()); }

Q_SIGNALS:
    void messageAccepted(qint64 messageId, const QString &wamid);
    void messageFailed(qint64 messageId, const Mostrador::WireError &error);
    void messageWillRetry(qint64 messageId, const QDateTime &at);
    void messageUnconfirmed(qint64 messageId);
    void storeFailed(const Mostrador::StoreError &error);
    // Something of this conversation's changed: a message stored, accepted, refused or retried.
    void conversationChanged(qint64 conversationId);

private:
    void sendOne(const OutgoingMessage &message);
    void finishOne(const OutgoingMessage &message, const QString &wamid, const std::optional<WireError> &error);
    void scheduleNextPump();
    void pumpSoon();
    void settleUnconfirmed();

    CloudApiClient &m_client;
    const Clock &m_clock;
    OutgoingStore m_store;
    Settings m_settings;
    const WindowTracker *m_windows = nullptr;
    QSet<qint64> m_sendingConversations;
    QHash<qint64, qint64> m_lastSendToConversation; // ms
    std::deque<qint64> m_recentSends;               // ms, for the per-number limit
    QTimer m_retryTimer;
    bool m_pumpPending = false;
};

} // namespace Mostrador
