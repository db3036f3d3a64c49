#include "shopeditstore.h"

#include "campaigns/consentstore.h"

#include "db/database.h"
#include "conversations/conversationtypes.h"
#include "db/storenotifications.h"

#include <QSqlQuery>
#include <QVariant>

namespace Mostrador {

ShopEditStore::ShopEditStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

StoreError ShopEditStore::update(const QString &sql, const QVariantList &values, const char *what)
{
    return m_database.exec(sql, values, what);
}

QString ShopEditStore::markRead(qint64 conversationId, StoreError *error)
{
    if ((*error = update(QStringLiteral("UPDATE conversations SET unread_count = 0 WHERE id = ?"), {conversationId}, "mark read")).isError())
        return {};
    QSqlQuery latest(m_database.connection());
    latest.prepare(QStringLiteral("SELECT wamid FROM messages WHERE conversation_id = ? AND direction = 'in' AND wamid IS NOT NULL "
                                  "ORDER BY sent_at DESC, id DESC LIMIT 1"));
    latest.addBindValue(conversationId);
    if (!latest.exec()) {
        *error = StoreError::fromSql(latest.lastError(), QStringLiteral("latest inbound"));
        return {};
    }
    return latest.next() ? latest.value(0).toString() : QString();
}

StoreError ShopEditStore::setStatus(qint64 conversationId, const QString &status)
{
    if (status != QLatin1String("open") && status != QLatin1String("pending") && status != QLatin1String("resolved"))
        return StoreError::make(StoreError::Kind::Query, QStringLiteral("unknown conversation status %1").arg(status));
    if (StoreError error = recordResolution(conversationId, status); error.isError())
        return error;
    if (StoreError error = update(QStringLiteral("UPDATE conversations SET status = ? WHERE id = ?"), {status, conversationId}, "set status"); error.isError())
        return error;
    StoreNotifications::announce(m_database, StoreNotifications::Change::Status, {conversationId}); // other desktops
    return {};
}

StoreError ShopEditStore::recordResolution(qint64 conversationId, const QString &status)
{
    if (status == QLatin1String("resolved"))
        return update(QStringLiteral("INSERT INTO conversation_resolutions (conversation_id, resolved_at) "
                                     "SELECT id, ? FROM conversations WHERE id = ? AND status <> 'resolved'"),
                      {m_clock.now().toMSecsSinceEpoch(), conversationId}, "record resolution");
    return update(QStringLiteral(
                      "DELETE FROM conversation_resolutions WHERE id = (SELECT r.id FROM conversation_resolutions r "
                      "JOIN conversations v ON v.id = r.conversation_id AND v.status = 'resolved' WHERE r.conversation_id = ? "
                      "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = r.conversation_id AND m.direction = 'in' "
                      "AND m.sent_at > r.resolved_at) ORDER BY r.resolved_at DESC LIMIT 1)"),
                  {conversationId}, "undo resolution");
}

int ShopEditStore::unreadTotal()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT COALESCE(SUM(unread_count), 0) FROM conversations WHERE status <> 'resolved'"))
        || !query.next())
        return 0;
    return query.value(0).toInt();
}

std::optional<CustomerDetails> ShopEditStore::customerOf(qint64 conversationId, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.id, c.display_name, c.profile_name, c.wa_id, c.user_id, c.username, c.notes, c.first_contact_at, "
        "c.arrival_headline, c.arrival_source, (SELECT COUNT(*) FROM conversations o WHERE o.customer_id = c.id), c.blocked_at, "
        "c.opted_out_at, c.opt_out_reason FROM conversations v JOIN customers c ON c.id = v.customer_id WHERE v.id = ?"));
    query.addBindValue(conversationId);
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("customer"));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    CustomerDetails details;
    details.id = query.value(0).toLongLong();
    details.displayName = query.value(1).toString();
    details.profileName = query.value(2).toString();
    details.waId = query.value(3).toString();
    details.userId = query.value(4).toString();
    details.username = query.value(5).toString();
    details.notes = query.value(6).toString();
    details.firstContactAt = storedTime(query.value(7));
    details.arrivalHeadline = query.value(8).toString();
    details.arrivalSource = query.value(9).toString();
    details.conversations = query.value(10).toInt();
    details.blocked = !query.value(11).isNull();
    details.optedOut = !query.value(12).isNull();
    if (details.optedOut)
        details.optedOutAt = QDateTime::fromMSecsSinceEpoch(query.value(12).toLongLong(), Qt::UTC);
    details.optOutReason = query.value(13).toString();
    return details;
}

StoreError ShopEditStore::setBlocked(qint64 customerId, const QDateTime &since)
{
    return update(QStringLiteral("UPDATE customers SET blocked_at = ? WHERE id = ?"),
                  {since.isValid() ? QVariant(since.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>()), customerId},
                  "blocked");
}

StoreResult<bool> ShopEditStore::setWantsPromotions(qint64 customerId, bool wants)
{
    ConsentStore consent(m_database);
    if (wants)
        return consent.shopTakesBack(customerId, m_clock.now());
    if (StoreError error = consent.shopLeavesOut(customerId, m_clock.now()); error.isError())
        return error;
    return true;
}

StoreError ShopEditStore::setDisplayName(qint64 customerId, const QString &name)
{
    return update(QStringLiteral("UPDATE customers SET display_name = ? WHERE id = ?"),
                  {name.isNull() ? QStringLiteral("") : name.trimmed(), customerId}, "display name");
}

StoreError ShopEditStore::setNotes(qint64 customerId, const QString &notes)
{
    return update(QStringLiteral("UPDATE customers SET notes = ? WHERE id = ?"), {notes.isNull() ? QStringLiteral("") : notes, customerId},
                  "notes");
}

StoreError ShopEditStore::saveDraft(qint64 conversationId, const QString &text)
{
    if (text.trimmed().isEmpty())
        return update(QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?"), {conversationId}, "drop draft");
    return update(QStringLiteral("INSERT INTO drafts (conversation_id, body, updated_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (conversation_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at"),
                  {conversationId, text, QDateTime::currentMSecsSinceEpoch()}, "save draft");
}

QString ShopEditStore::draft(qint64 conversationId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT body FROM drafts WHERE conversation_id = ?"));
    query.addBindValue(conversationId);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

} // namespace Mostrador
