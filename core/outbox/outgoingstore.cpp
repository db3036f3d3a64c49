#include "outgoingstore.h"

#include "customers/customermergestore.h"
#include "db/database.h"
#include "messaging/waid.h"
#include "db/storenotifications.h"
#include "conversations/conversationtypes.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace Mostrador {

namespace {

constexpr std::pair<OutboxState, const char *> kStateNames[] = {
    {OutboxState::Queued, "queued"},     {OutboxState::Sending, "sending"}, {OutboxState::Accepted, "accepted"},
    {OutboxState::Failed, "failed"},     {OutboxState::Unconfirmed, "unconfirmed"},
    {OutboxState::Discarded, "discarded"},
};

StoreError run(QSqlQuery &query, const char *what)
{
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QLatin1String(what));
    return {};
}

} // namespace

QString outboxStateName(OutboxState state)
{
    for (const auto &[value, name] : kStateNames) {
        if (value == state)
            return QLatin1String(name);
    }
    return {};
}

std::optional<OutboxState> outboxStateFromName(const QString &name)
{
    for (const auto &[value, text] : kStateNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

OutgoingStore::OutgoingStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

std::optional<qint64> OutgoingStore::conversationForCustomer(const QString &customer, const QString &businessNumberId,
                                                             StoreError *error)
{
    // By business-scoped id, or by the number under any of the forms WhatsApp gives it.
    const bool byUserId = WaId::isBusinessScopedUserId(customer);
    const QStringList forms = byUserId ? QStringList{customer} : WaId::equivalents(customer);
    QSqlQuery find(m_database.connection());
    find.prepare(QStringLiteral("SELECT id FROM customers WHERE %1 IN (?, ?) ORDER BY id LIMIT 1")
                     .arg(byUserId ? QStringLiteral("user_id") : QStringLiteral("wa_id")));
    find.addBindValue(forms.first());
    find.addBindValue(forms.last());
    if ((*error = run(find, "customer for sending")).isError())
        return std::nullopt;
    qint64 customerId = 0;
    const bool known = find.next();
    if (known)
        customerId = find.value(0).toLongLong();
    // Done reading before writing: a statement left open keeps SQLite's read snapshot, and a
    // write from it fails at once when another program (serve) committed meanwhile.
    find.finish();
    if (!known) {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO customers (%1, created_at) VALUES (?, ?) RETURNING id")
                           .arg(byUserId ? QStringLiteral("user_id") : QStringLiteral("wa_id")));
        insert.addBindValue(customer);
        insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
        if ((*error = run(insert, "new customer for sending")).isError() || !insert.next())
            return std::nullopt;
        customerId = insert.value(0).toLongLong();
    }

    QSqlQuery conversation(m_database.connection());
    conversation.prepare(QStringLiteral(
        "INSERT INTO conversations (customer_id, business_number_id, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT (customer_id, business_number_id) DO UPDATE SET customer_id = excluded.customer_id RETURNING id"));
    conversation.addBindValue(customerId);
    conversation.addBindValue(businessNumberId);
    conversation.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if ((*error = run(conversation, "conversation for sending")).isError() || !conversation.next())
        return std::nullopt;
    return conversation.value(0).toLongLong();
}

StoreError OutgoingStore::learnRecipient(qint64 conversationId, const QString &waId)
{
    // What the API answered a send with is the number's form WhatsApp uses: the customer takes
    // it, merged with one who already had it.
    QSqlQuery customer(m_database.connection());
    customer.prepare(QStringLiteral("SELECT c.id, c.wa_id FROM conversations v JOIN customers c ON c.id = v.customer_id WHERE v.id = ?"));
    customer.addBindValue(conversationId);
    if (StoreError error = run(customer, "recipient of a send"); error.isError() || !customer.next())
        return error;
    if (customer.value(1).toString() == waId)
        return {};
    const qint64 customerId = customer.value(0).toLongLong();
    customer.finish();
    if (StoreError error = m_database.begin(); error.isError())
        return error;
    if (StoreError error = CustomerMergeStore(m_database).adopt(customerId, waId, {}); error.isError()) {
        m_database.rollback();
        return error;
    }
    return m_database.commit();
}

std::optional<OutgoingMessage> OutgoingStore::enqueue(qint64 conversationId, MessageKind kind, const QString &text,
                                                      const QJsonObject &payload, bool automatic, StoreError *error,
                                                      const QDateTime &sendAt)
{
    OutgoingMessage message;
    message.conversationId = conversationId;
    message.clientId = QStringLiteral("mostrador:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    message.payload = payload;
    message.payload.insert(QStringLiteral("biz_opaque_callback_data"), message.clientId);

    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO messages (conversation_id, client_id, direction, kind, type_name, body, automatic, status, "
        "outbox_state, payload_json, context_wamid, sent_at, stored_at, next_attempt_at, agent_id) "
        "VALUES (?, ?, 'out', ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?) "
        "RETURNING id"));
    insert.addBindValue(conversationId);
    insert.addBindValue(message.clientId);
    insert.addBindValue(messageKindName(kind));
    insert.addBindValue(payload.value(QLatin1String("type")).toString(QStringLiteral("text")));
    insert.addBindValue(text.isNull() ? QStringLiteral("") : text);
    insert.addBindValue(automatic ? 1 : 0);
    insert.addBindValue(int(DeliveryStatus::Pending));
    insert.addBindValue(QString::fromUtf8(QJsonDocument(message.payload).toJson(QJsonDocument::Compact)));
    const QString quoted = payload.value(QLatin1String("context")).toObject().value(QLatin1String("message_id")).toString();
    insert.addBindValue(quoted.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(quoted));
    insert.addBindValue(now);
    insert.addBindValue(now);
    insert.addBindValue(sendAt.isValid() ? QVariant(sendAt.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>()));
    insert.addBindValue(automatic || !m_authorId ? QVariant(QMetaType::fromType<qint64>()) : QVariant(m_authorId));
    if ((*error = run(insert, "enqueue")).isError() || !insert.next())
        return std::nullopt;
    message.id = insert.value(0).toLongLong();

    QSqlQuery conversation(m_database.connection());
    conversation.prepare(QStringLiteral("UPDATE conversations SET last_message_id = ?, last_message_at = ? WHERE id = ?"));
    conversation.addBindValue(message.id);
    conversation.addBindValue(now);
    conversation.addBindValue(conversationId);
    if ((*error = run(conversation, "enqueue: conversation")).isError())
        return std::nullopt;
    StoreNotifications::announce(m_database, StoreNotifications::Change::Messages, {conversationId});
    return message;
}

std::optional<bool> OutgoingStore::claimForSending(qint64 messageId, StoreError *error)
{
    // Only from 'queued': when two senders share a store, exactly one of them gets the row.
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE messages SET outbox_state = 'sending', attempts = attempts + 1 "
                                  "WHERE id = ? AND outbox_state = 'queued'"));
    update.addBindValue(messageId);
    if ((*error = run(update, "mark sending")).isError())
        return std::nullopt;
    return update.numRowsAffected() == 1;
}

StoreError OutgoingStore::markLeft(qint64 messageId, const QDateTime &at)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE messages SET left_at = ? WHERE id = ? AND left_at IS NULL"));
    update.addBindValue(at.toMSecsSinceEpoch());
    update.addBindValue(messageId);
    return run(update, "mark left");
}

StoreError OutgoingStore::markAccepted(qint64 messageId, const QString &wamid)
{
    // Statuses may have arrived before the API's answer was handled (or found the message by
    // its client id); keep the furthest state any of them reached.
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral(
        "UPDATE messages SET outbox_state = 'accepted', wamid = ?, next_attempt_at = NULL, "
        "status = CASE WHEN (SELECT MAX(status) FROM status_events WHERE wamid = ?) > status "
        "              THEN (SELECT MAX(status) FROM status_events WHERE wamid = ?) ELSE status END "
        "WHERE id = ?"));
    update.addBindValue(wamid);
    update.addBindValue(wamid);
    update.addBindValue(wamid);
    update.addBindValue(messageId);
    if (StoreError error = run(update, "mark accepted"); error.isError())
        return error;
    // Sending takes the conversation back from Meta's AI agent (Meta makes the sender the handler).
    QSqlQuery takeBack(m_database.connection());
    takeBack.prepare(QStringLiteral("UPDATE conversations SET standby_since = NULL "
                                    "WHERE id = (SELECT conversation_id FROM messages WHERE id = ?) AND standby_since IS NOT NULL"));
    takeBack.addBindValue(messageId);
    return run(takeBack, "take the conversation back");
}

StoreError OutgoingStore::markFailed(qint64 messageId, const WireError &error)
{
    if (error.category == WireError::Category::OutsideWindow) {
        // The API knows the window better than our clock.
        QSqlQuery close(m_database.connection());
        close.prepare(QStringLiteral("UPDATE conversations SET window_closed_at = ? "
                                     "WHERE id = (SELECT conversation_id FROM messages WHERE id = ?)"));
        close.addBindValue(m_clock.now().toMSecsSinceEpoch());
        close.addBindValue(messageId);
        if (StoreError problem = run(close, "close window"); problem.isError())
            return problem;
    }
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE messages SET outbox_state = 'failed', status = ?, error_code = ?, error_json = ?, "
                                  "next_attempt_at = NULL WHERE id = ?"));
    update.addBindValue(int(DeliveryStatus::Failed));
    update.addBindValue(error.code);
    update.addBindValue(QString::fromUtf8(QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact)));
    update.addBindValue(messageId);
    return run(update, "mark failed");
}

StoreError OutgoingStore::markRetry(qint64 messageId, const QDateTime &nextAttempt)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE messages SET outbox_state = 'queued', next_attempt_at = ? WHERE id = ?"));
    update.addBindValue(nextAttempt.toMSecsSinceEpoch());
    update.addBindValue(messageId);
    return run(update, "mark retry");
}

StoreError OutgoingStore::requeue(qint64 messageId, const std::optional<QJsonObject> &newPayload, const QString &newText)
{
    StoreError error;
    const auto message = find(messageId, &error);
    if (!message)
        return error.isError() ? error : StoreError::make(StoreError::Kind::Query, QStringLiteral("no such message"));
    if (message->state != OutboxState::Failed && message->state != OutboxState::Unconfirmed
        && message->state != OutboxState::Discarded)
        return StoreError::make(StoreError::Kind::Query, QStringLiteral("only failed, unconfirmed or discarded messages can be sent again"));
    QJsonObject payload = newPayload.value_or(message->payload);
    payload.insert(QStringLiteral("biz_opaque_callback_data"), message->clientId);
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral(
        "UPDATE messages SET outbox_state = 'queued', status = ?, error_code = NULL, error_json = NULL, attempts = 0, "
        "next_attempt_at = NULL, wamid = NULL, payload_json = ?, body = CASE WHEN ? = '' THEN body ELSE ? END WHERE id = ?"));
    update.addBindValue(int(DeliveryStatus::Pending));
    update.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    update.addBindValue(newText.isNull() ? QStringLiteral("") : newText);
    update.addBindValue(newText.isNull() ? QStringLiteral("") : newText);
    update.addBindValue(messageId);
    return run(update, "requeue");
}

StoreError OutgoingStore::markDiscarded(qint64 messageId)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE messages SET outbox_state = 'discarded', next_attempt_at = NULL "
                                  "WHERE id = ? AND outbox_state IN ('failed', 'unconfirmed', 'queued')"));
    update.addBindValue(messageId);
    return run(update, "discard");
}

std::optional<OutgoingMessage> OutgoingStore::find(qint64 messageId, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT m.conversation_id, m.client_id, m.wamid, m.outbox_state, m.payload_json, m.attempts, "
                                 "c.wa_id, c.user_id FROM messages m JOIN conversations v ON v.id = m.conversation_id "
                                 "JOIN customers c ON c.id = v.customer_id WHERE m.id = ?"));
    query.addBindValue(messageId);
    if ((*error = run(query, "find outgoing")).isError() || !query.next())
        return std::nullopt;
    OutgoingMessage message;
    message.id = messageId;
    message.conversationId = query.value(0).toLongLong();
    message.clientId = query.value(1).toString();
    message.wamid = query.value(2).toString();
    message.state = outboxStateFromName(query.value(3).toString()).value_or(OutboxState::Failed);
    message.payload = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    message.attempts = query.value(5).toInt();
    message.recipient.waId = query.value(6).toString();
    message.recipient.userId = query.value(7).toString();
    return message;
}

QList<qint64> OutgoingStore::due(const QDateTime &now, int limit, StoreError *error)
{
    // Found through the messages_due index, so messages waiting for a retry or for opening time
    // cost nothing.
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT m.id FROM messages m WHERE m.outbox_state = 'queued' AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= ?) "
        "AND NOT EXISTS (SELECT 1 FROM messages o WHERE o.conversation_id = m.conversation_id AND o.outbox_state = 'queued' "
        "AND o.id < m.id AND NOT (o.attempts = 0 AND o.next_attempt_at IS NOT NULL AND o.next_attempt_at > ?)) "
        "AND NOT EXISTS (SELECT 1 FROM messages s WHERE s.conversation_id = m.conversation_id AND s.outbox_state = 'sending') "
        "ORDER BY m.id LIMIT ?"));
    query.addBindValue(nowMs);
    query.addBindValue(nowMs);
    query.addBindValue(limit);
    QList<qint64> ids;
    if ((*error = run(query, "outbox: due messages")).isError())
        return ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

QDateTime OutgoingStore::nextScheduledAttempt(StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT MIN(next_attempt_at) FROM messages WHERE outbox_state = 'queued' AND next_attempt_at IS NOT NULL"));
    if ((*error = run(query, "outbox: next attempt")).isError() || !query.next())
        return {};
    return storedTime(query.value(0));
}

StoreError OutgoingStore::settleAccepted()
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE messages SET outbox_state = 'accepted' WHERE outbox_state = 'sending' AND wamid IS NOT NULL"));
    return run(update, "outbox: settle accepted");
}

QList<qint64> OutgoingStore::markUnconfirmed(StoreError *error)
{
    // Claimed but never written out: Meta cannot have it, so it simply goes again.
    QSqlQuery requeue(m_database.connection());
    requeue.prepare(QStringLiteral("UPDATE messages SET outbox_state = 'queued' WHERE outbox_state = 'sending' AND wamid IS NULL "
                                   "AND left_at IS NULL"));
    if ((*error = run(requeue, "outbox: send again what never left")).isError())
        return {};
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE messages SET outbox_state = 'unconfirmed' WHERE outbox_state = 'sending' "
                                  "AND wamid IS NULL RETURNING id"));
    QList<qint64> ids;
    if ((*error = run(update, "outbox: settle unconfirmed")).isError())
        return ids;
    while (update.next())
        ids << update.value(0).toLongLong();
    return ids;
}

} // namespace Mostrador
