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

} // namespace Mostrador
