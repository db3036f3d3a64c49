#include "consentstore.h"

#include "db/database.h"

#include <QSqlQuery>

namespace Mostrador {

ConsentStore::ConsentStore(Database &database)
    : m_database(database)
{
}

StoreError ConsentStore::customerSaysNo(qint64 customerId, const QString &reason, const QDateTime &at)
{
    // Their own no replaces the shop's; an earlier no of theirs keeps its time and words.
    return m_database.exec(QStringLiteral("UPDATE customers SET "
                                          "opted_out_at = CASE WHEN opted_out_at IS NULL OR opt_out_reason = ? THEN ? ELSE opted_out_at END, "
                                          "opt_out_reason = CASE WHEN opted_out_at IS NULL OR opt_out_reason = ? THEN ? ELSE opt_out_reason END "
                                          "WHERE id = ?"),
                           {kShopReason, at.toMSecsSinceEpoch(), kShopReason, reason, customerId}, "customer opts out");
}

StoreError ConsentStore::customerSaysYes(qint64 customerId, const QString &source, const QDateTime &at)
{
    return m_database.exec(QStringLiteral("UPDATE customers SET opted_out_at = NULL, opt_out_reason = NULL, opted_in_at = ?, "
                                          "opt_in_source = ? WHERE id = ?"),
                           {at.toMSecsSinceEpoch(), source, customerId}, "customer opts in");
}

StoreError ConsentStore::shopLeavesOut(qint64 customerId, const QDateTime &at)
{
    return m_database.exec(QStringLiteral("UPDATE customers SET opted_out_at = ?, opt_out_reason = ? WHERE id = ? AND opted_out_at IS NULL"),
                           {at.toMSecsSinceEpoch(), kShopReason, customerId}, "shop leaves out");
}

StoreResult<bool> ConsentStore::shopTakesBack(qint64 customerId, const QDateTime &at)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE customers SET opted_out_at = NULL, opt_out_reason = NULL, opted_in_at = ?, opt_in_source = ? "
                                 "WHERE id = ? AND (opted_out_at IS NULL OR opt_out_reason = ?)"));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(kShopReason);
    query.addBindValue(customerId);
    query.addBindValue(kShopReason);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("shop takes back"));
    return query.numRowsAffected() > 0;
}

StoreError ConsentStore::recordOptIn(qint64 customerId, const QString &source, const QDateTime &at)
{
    return m_database.exec(QStringLiteral("UPDATE customers SET opted_in_at = COALESCE(opted_in_at, ?), opt_in_source = COALESCE(opt_in_source, ?) "
                                          "WHERE id = ? AND opted_out_at IS NULL"),
                           {at.toMSecsSinceEpoch(), source, customerId}, "opt in from a list");
}

StoreError ConsentStore::recordPromotionPastNo(qint64 conversationId, qint64 messageId, const QString &templateName,
                                               const QString &sentBy, const QDateTime &at)
{
    return m_database.exec(QStringLiteral("INSERT INTO promotion_overrides (customer_id, message_id, template_name, refusal, sent_by, sent_at) "
                                          "SELECT v.customer_id, ?, ?, COALESCE(c.opt_out_reason, ''), ?, ? "
                                          "FROM conversations v JOIN customers c ON c.id = v.customer_id WHERE v.id = ?"),
                           {messageId > 0 ? QVariant(messageId) : QVariant(QMetaType::fromType<qint64>()), templateName,
                            sentBy.isEmpty() ? QStringLiteral("") : sentBy, at.toMSecsSinceEpoch(), conversationId},
                           "promotion past a no");
}

StoreResult<QList<ConsentStore::PromotionPastNo>> ConsentStore::promotionsPastNo(qint64 customerId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT template_name, refusal, sent_by, sent_at FROM promotion_overrides "
                                 "WHERE customer_id = ? ORDER BY sent_at DESC, id DESC"));
    query.addBindValue(customerId);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("promotions past a no"));
    QList<PromotionPastNo> sent;
    while (query.next())
        sent.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                     QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC)});
    return sent;
}

} // namespace Mostrador
