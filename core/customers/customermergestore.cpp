#include "customermergestore.h"

#include "db/database.h"
#include "messaging/waid.h"
#include "db/storenotifications.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

CustomerMergeStore::CustomerMergeStore(Database &database)
    : m_database(database)
{
}

StoreError CustomerMergeStore::run(const QString &sql, const QVariantList &values, const char *what)
{
    return m_database.exec(sql, values, what);
}

StoreError CustomerMergeStore::merge(qint64 kept, qint64 gone)
{
    if (kept == gone)
        return {};
    // Conversations on the same business number become one; the others change hands.
    QSqlQuery pairs(m_database.connection());
    pairs.prepare(QStringLiteral("SELECT g.id, k.id FROM conversations g LEFT JOIN conversations k "
                                 "ON k.customer_id = ? AND k.business_number_id = g.business_number_id WHERE g.customer_id = ?"));
    pairs.addBindValue(kept);
    pairs.addBindValue(gone);
    if (!pairs.exec())
        return StoreError::fromSql(pairs.lastError(), QStringLiteral("merge: conversations"));
    QList<std::pair<qint64, qint64>> conversations;
    while (pairs.next())
        conversations.append({pairs.value(0).toLongLong(), pairs.value(1).isNull() ? 0 : pairs.value(1).toLongLong()});
    pairs.finish();
    QSet<qint64> changed;
    for (const auto &[from, into] : conversations) {
        StoreError error = into ? mergeConversation(into, from)
                                : run(QStringLiteral("UPDATE conversations SET customer_id = ? WHERE id = ?"), {kept, from},
                                      "merge: move conversation");
        if (error.isError())
            return error;
        changed.insert(into ? into : from);
    }

    // The identifiers are unique: taken from the one that goes before the one that stays gets them.
    QSqlQuery read(m_database.connection());
    read.prepare(QStringLiteral("SELECT wa_id, user_id, parent_user_id, username, profile_name, display_name, notes, first_contact_at, "
                                "arrival_headline, arrival_source FROM customers WHERE id = ?"));
    read.addBindValue(gone);
    if (!read.exec())
        return StoreError::fromSql(read.lastError(), QStringLiteral("merge: read customer"));
    if (!read.next())
        return {};
    QVariantList values;
    for (int column = 0; column < 10; ++column)
        values << read.value(column);
    read.finish();
    if (StoreError error = run(QStringLiteral("UPDATE customers SET wa_id = NULL, user_id = NULL WHERE id = ?"), {gone},
                               "merge: free identifiers");
        error.isError())
        return error;
    if (StoreError error = run(QStringLiteral(
            "UPDATE customers SET wa_id = COALESCE(wa_id, ?), user_id = COALESCE(user_id, ?), "
            "parent_user_id = COALESCE(parent_user_id, ?), username = COALESCE(username, ?), "
            "profile_name = CASE WHEN profile_name = '' THEN ? ELSE profile_name END, "
            "display_name = CASE WHEN display_name = '' THEN ? ELSE display_name END, "
            "notes = CASE WHEN notes = '' THEN ? WHEN ? = '' THEN notes ELSE notes || ? || ? END, "
            "first_contact_at = CASE WHEN first_contact_at IS NULL OR first_contact_at > ? THEN ? ELSE first_contact_at END, "
            "arrival_headline = COALESCE(arrival_headline, ?), arrival_source = COALESCE(arrival_source, ?) WHERE id = ?"),
                               {values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[6],
                                QStringLiteral("\n"), values[6], values[7], values[7], values[8], values[9], kept},
                               "merge: customer");
        error.isError())
        return error;
    // Campaigns: the kept customer inherits what was sent to the other (never twice), and a "no
    // more promotions" from either holds.
    if (StoreError error = run(QStringLiteral("UPDATE customers SET opted_out_at = COALESCE(opted_out_at, "
                                              "(SELECT opted_out_at FROM customers WHERE id = ?)), opt_out_reason = COALESCE(opt_out_reason, "
                                              "(SELECT opt_out_reason FROM customers WHERE id = ?)) WHERE id = ?"),
                               {gone, gone, kept}, "merge: opt-out");
        error.isError())
        return error;
    if (StoreError error = run(QStringLiteral("UPDATE campaign_recipients SET customer_id = ? WHERE customer_id = ? AND NOT EXISTS "
                                              "(SELECT 1 FROM campaign_recipients k WHERE k.customer_id = ? "
                                              "AND k.campaign_id = campaign_recipients.campaign_id)"),
                               {kept, gone, kept}, "merge: campaigns");
        error.isError())
        return error;
    if (StoreError error = run(QStringLiteral("DELETE FROM campaign_recipients WHERE customer_id = ?"), {gone}, "merge: campaigns");
        error.isError())
        return error;
    if (StoreError error = run(QStringLiteral("UPDATE orders SET customer_id = ? WHERE customer_id = ?"), {kept, gone}, "merge: orders");
        error.isError())
        return error;
    if (StoreError error = run(QStringLiteral("UPDATE promotion_overrides SET customer_id = ? WHERE customer_id = ?"), {kept, gone},
                               "merge: promotions past a no");
        error.isError())
        return error;
    if (StoreError error = run(QStringLiteral("DELETE FROM customers WHERE id = ?"), {gone}, "merge: remove customer");
        error.isError())
        return error;
    StoreNotifications::announce(m_database, StoreNotifications::Change::Messages, changed);
    return {};
}

StoreError CustomerMergeStore::adopt(qint64 customerId, const QString &newWaId, const QString &newUserId)
{
    if (!newWaId.isEmpty()) {
        if (StoreError error = adoptOne(customerId, QStringLiteral("wa_id"), WaId::equivalents(newWaId)); error.isError())
            return error;
    }
    if (!newUserId.isEmpty())
        return adoptOne(customerId, QStringLiteral("user_id"), {newUserId});
    return {};
}

StoreError CustomerMergeStore::adoptOne(qint64 customerId, const QString &column, const QStringList &forms)
{
    QSqlQuery holders(m_database.connection());
    holders.prepare(QStringLiteral("SELECT id FROM customers WHERE %1 IN (?, ?) AND id <> ?").arg(column));
    holders.addBindValue(forms.first());
    holders.addBindValue(forms.last());
    holders.addBindValue(customerId);
    if (!holders.exec())
        return StoreError::fromSql(holders.lastError(), QStringLiteral("adopt an identifier"));
    QList<qint64> others;
    while (holders.next())
        others << holders.value(0).toLongLong();
    holders.finish();
    for (const qint64 other : std::as_const(others)) {
        if (StoreError error = merge(customerId, other); error.isError())
            return error;
    }
    return run(QStringLiteral("UPDATE customers SET %1 = ? WHERE id = ?").arg(column), {forms.first(), customerId},
               "adopt an identifier");
}

StoreError CustomerMergeStore::mergeConversation(qint64 into, qint64 from)
{
    const QVariantList both{into, from};
    const QList<std::pair<QString, QVariantList>> steps = {
        {QStringLiteral("UPDATE messages SET conversation_id = ? WHERE conversation_id = ?"), both},
        {QStringLiteral("INSERT INTO conversation_labels (conversation_id, label_id) SELECT ?, label_id FROM conversation_labels "
                        "WHERE conversation_id = ? ON CONFLICT DO NOTHING"),
         both},
        {QStringLiteral("DELETE FROM conversation_labels WHERE conversation_id = ?"), {from}},
        {QStringLiteral("INSERT INTO drafts (conversation_id, body, reply_to_wamid, updated_at) SELECT ?, body, reply_to_wamid, updated_at "
                        "FROM drafts WHERE conversation_id = ? ON CONFLICT DO NOTHING"),
         both},
        {QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?"), {from}},
        {QStringLiteral("UPDATE conversation_notes SET conversation_id = ? WHERE conversation_id = ?"), both},
        {QStringLiteral("UPDATE conversation_resolutions SET conversation_id = ? WHERE conversation_id = ?"), both},
        {QStringLiteral("UPDATE orders SET conversation_id = ? WHERE conversation_id = ?"), both},
        {QStringLiteral("DELETE FROM reply_locks WHERE conversation_id = ?"), {from}},
        {QStringLiteral("UPDATE read_receipts SET conversation_id = ? WHERE conversation_id = ?"), both},
        // The summary: unread add up; the latest of each moment wins; open if either was.
        {QStringLiteral(
             "UPDATE conversations SET "
             "unread_count = unread_count + (SELECT f.unread_count FROM conversations f WHERE f.id = ?), "
             "last_inbound_at = (SELECT MAX(t) FROM (SELECT last_inbound_at AS t FROM conversations WHERE id IN (?, ?)) x), "
             "last_referral_at = (SELECT MAX(t) FROM (SELECT last_referral_at AS t FROM conversations WHERE id IN (?, ?)) x), "
             "window_closed_at = (SELECT MAX(t) FROM (SELECT window_closed_at AS t FROM conversations WHERE id IN (?, ?)) x), "
             "status = CASE WHEN (SELECT f.status FROM conversations f WHERE f.id = ?) = 'open' THEN 'open' ELSE status END, "
             "assigned_agent_id = COALESCE(assigned_agent_id, (SELECT f.assigned_agent_id FROM conversations f WHERE f.id = ?)) "
             "WHERE id = ?"),
         {from, into, from, into, from, into, from, from, from, into}},
        {QStringLiteral("UPDATE conversations SET last_message_id = (SELECT m.id FROM messages m WHERE m.conversation_id = ? "
                        "ORDER BY m.sent_at DESC, m.id DESC LIMIT 1), "
                        "last_message_at = (SELECT MAX(m.sent_at) FROM messages m WHERE m.conversation_id = ?) WHERE id = ?"),
         {into, into, into}},
        {QStringLiteral("DELETE FROM conversations WHERE id = ?"), {from}},
    };
    for (const auto &[sql, values] : steps) {
        if (StoreError error = run(sql, values, "merge: conversation"); error.isError())
            return error;
    }
    return {};
}

} // namespace Mostrador
