#include "outbox.h"

#include "api/cloudapiclient.h"
#include "api/messagepayloads.h"
#include "api/sendmessagejob.h"
#include "common/clock.h"
#include "window/windowtracker.h"

#include <QLoggingCategory>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcOutbox, "mostrador.outbox")

Outbox::Outbox(Database &database, CloudApiClient &client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_store(database, clock)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Outbox::pump);
}

std::optional<OutgoingMessage> Outbox::enqueue(qint64 conversationId, MessageKind kind, const QString &text,
                                               const QJsonObject &payload, bool automatic, StoreError *error,
                                               const QDateTime &sendAt)
{
    const auto message = m_store.enqueue(conversationId, kind, text, payload, automatic, error, sendAt);
    if (message) {
        Q_EMIT conversationChanged(conversationId);
        if (sendAt.isValid())
            QTimer::singleShot(0, this, &Outbox::scheduleNextPump);
        else
            pumpSoon();
    }
    return message;
}

std::optional<qint64> Outbox::conversationWith(const QString &waId, StoreError *error)
{
    return m_store.conversationForCustomer(waId, m_client.config().phoneNumberId, error);
}

void Outbox::recover()
{
    // Accepted but not recorded can't happen (wamid and state are written together), so a
    // "sending" row with a wamid only needs its state; one without waits for its status.
    if (const StoreError error = m_store.settleAccepted(); error.isError())
        Q_EMIT storeFailed(error);
    QTimer::singleShot(m_settings.unconfirmedGraceSeconds * 1000, this, &Outbox::settleUnconfirmed);
    pump();
}

void Outbox::settleUnconfirmed()
{
    StoreError error;
    const QList<qint64> unconfirmed = m_store.markUnconfirmed(&error);
    if (error.isError()) {
        Q_EMIT storeFailed(error);
        return;
    }
    for (const qint64 id : unconfirmed)
        Q_EMIT messageUnconfirmed(id);
    // Messages queued behind them in the same conversation may go now.
    pump();
}

void Outbox::pumpSoon()
{
    // Many enqueues or answers in one turn of the event loop make one pump, not one each.
    if (m_pumpPending)
        return;
    m_pumpPending = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpPending = false;
        pump();
    });
}

void Outbox::pump()
{
    // Not connected yet: what was written waits in the queue.
    if (m_client.config().accessToken.isEmpty())
        return;
    const int room = m_settings.maxInFlight - int(m_sendingConversations.size());
    if (room <= 0)
        return;
    // Due messages (found through the messages_due index, so messages waiting for a retry or
    // for opening time cost nothing) that are the oldest queued of their conversation, with
    // nothing of it in flight. Messages scheduled for later stand aside meanwhile.
    StoreError dueError;
    const QList<qint64> due = m_store.due(m_clock.now(), room, &dueError);
    if (dueError.isError()) {
        Q_EMIT storeFailed(dueError);
        return;
    }

    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    while (!m_recentSends.empty() && now - m_recentSends.front() >= m_settings.rateWindowMs)
        m_recentSends.pop_front();
    qint64 wakeAt = 0;
    for (const qint64 id : std::as_const(due)) {
        StoreError error;
        const auto message = m_store.find(id, &error);
        if (!message || message->state != OutboxState::Queued || m_sendingConversations.contains(message->conversationId))
            continue;
        // Throughput: so many a second per number, and a pause between messages to one customer.
        if (int(m_recentSends.size()) >= m_settings.maxPerSecond) {
            wakeAt = m_recentSends.front() + m_settings.rateWindowMs;
            break;
        }
        const qint64 last = m_lastSendToConversation.value(message->conversationId, 0);
        if (last && now - last < m_settings.perCustomerIntervalMs) {
            const qint64 ready = last + m_settings.perCustomerIntervalMs;
            wakeAt = wakeAt ? std::min(wakeAt, ready) : ready;
            continue;
        }
        m_recentSends.push_back(now);
        m_lastSendToConversation.insert(message->conversationId, now);
        sendOne(*message);
    }
    scheduleNextPump();
    if (wakeAt && (!m_retryTimer.isActive() || m_retryTimer.remainingTime() > wakeAt - now))
        m_retryTimer.start(int(std::max<qint64>(0, wakeAt - now)));
}

StoreError Outbox::retry(qint64 messageId, const std::optional<QJsonObject> &newPayload, const QString &newText)
{
    StoreError error = m_store.requeue(messageId, newPayload, newText);
    if (!error.isError())
        pumpSoon();
    return error;
}

std::optional<OutgoingMessage> Outbox::requestOf(qint64 messageId, StoreError *error)
{
    auto message = m_store.find(messageId, error);
    if (!message)
        return std::nullopt;
    for (const char *key : {"to", "recipient", "recipient_type", "biz_opaque_callback_data"})
        message->payload.remove(QLatin1String(key));
    return message;
}

StoreError Outbox::discard(qint64 messageId)
{
    return m_store.markDiscarded(messageId);
}

void Outbox::sendOne(const OutgoingMessage &message)
{
    const bool freeForm = message.payload.value(QLatin1String("type")).toString() != QLatin1String("template");
    if (freeForm && m_windows && !m_windows->maySendFreeForm(message.conversationId)) {
        finishOne(message, QString(), WireError::outsideWindow(QStringLiteral("not sent: the 24-hour window is closed (checked locally)")));
        return;
    }
    StoreError error;
    const std::optional<bool> claimed = m_store.claimForSending(message.id, &error);
    if (!claimed) {
        Q_EMIT storeFailed(error);
        return;
    }
    if (!*claimed)
        return; // another sender sharing the store took it
    m_sendingConversations.insert(message.conversationId);
    qCDebug(lcOutbox).noquote() << "sending message" << message.id << "at" << QDateTime::currentMSecsSinceEpoch();
    SendMessageJob *job = m_client.sendMessage(MessagePayloads::addressed(message.payload, message.recipient));
    // Once the request is written out in full, Meta may have it: a crash from then on must not send it again.
    connect(job, &ApiJob::requestWritten, this, [this, id = message.id] {
        if (const StoreError problem = m_store.markLeft(id, m_clock.now()); problem.isError())
            Q_EMIT storeFailed(problem);
    });
    connect(job, &ApiJob::finished, this, [this, message, job] {
        if (job->succeeded() && !job->recipientWaId().isEmpty() && job->recipientWaId() != message.recipient.waId) {
            if (const StoreError learned = m_store.learnRecipient(message.conversationId, job->recipientWaId()); learned.isError())
                Q_EMIT storeFailed(learned);
        }
        finishOne(message, job->messageId(), job->error());
    });
}

void Outbox::finishOne(const OutgoingMessage &message, const QString &wamid, const std::optional<WireError> &error)
{
    m_sendingConversations.remove(message.conversationId);
    StoreError storeError;
    if (!error) {
        storeError = m_store.markAccepted(message.id, wamid);
        if (!storeError.isError())
            Q_EMIT messageAccepted(message.id, wamid);
    } else if (error->isRetryable() && message.attempts + 1 < m_settings.maxAttempts) {
        int delay = m_settings.firstRetrySeconds << std::min(message.attempts, 10);
        if (error->retryAfterSeconds)
            delay = std::max(delay, *error->retryAfterSeconds);
        const QDateTime at = m_clock.now().addSecs(delay);
        storeError = m_store.markRetry(message.id, at);
        qCInfo(lcOutbox).noquote() << "message" << message.id << "will be retried in" << delay << "s:" << error->logText();
        if (!storeError.isError())
            Q_EMIT messageWillRetry(message.id, at);
    } else {
        storeError = m_store.markFailed(message.id, *error);
        if (!storeError.isError())
            Q_EMIT messageFailed(message.id, *error);
    }
    if (storeError.isError())
        Q_EMIT storeFailed(storeError);
    Q_EMIT conversationChanged(message.conversationId);
    pumpSoon();
}

void Outbox::scheduleNextPump()
{
    StoreError error;
    const QDateTime next = m_store.nextScheduledAttempt(&error);
    if (!next.isValid())
        return;
    const qint64 wait = std::max<qint64>(0, m_clock.now().msecsTo(next));
    m_retryTimer.start(int(std::min<qint64>(wait, 60 * 60 * 1000)));
}

} // namespace Mostrador
