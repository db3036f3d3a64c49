#include "windowstore.h"

#include "db/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Mostrador {

WindowStore::WindowStore(Database &database)
    : m_database(database)
{
}

QHash<qint64, ServiceWindow::Times> WindowStore::recent(qint64 now, StoreError *error) const
{
    const qint64 horizon = now - ServiceWindow::kFreeEntryMs - ServiceWindow::kReplyToAdWithinMs;
    return load(QStringLiteral("v.last_inbound_at >= ? OR v.last_referral_at >= ?"), {horizon, horizon}, error);
}

QHash<qint64, ServiceWindow::Times> WindowStore::of(const QSet<qint64> &conversationIds, StoreError *error) const
{
    if (conversationIds.isEmpty())
        return {};
    QStringList marks;
    QVariantList ids;
    for (const qint64 id : conversationIds) {
        marks << QStringLiteral("?");
        ids << id;
    }
    return load(QStringLiteral("v.id IN (%1)").arg(marks.join(QLatin1Char(','))), ids, error);
}

QHash<qint64, ServiceWindow::Times> WindowStore::load(const QString &condition, const QVariantList &values,
                                                      StoreError *error) const
{
    // The free entry point starts when the shop answers an ad referral within 24 hours.
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT v.id, v.last_inbound_at, v.window_closed_at, "
        "  (SELECT MIN(m.sent_at) FROM messages m WHERE m.conversation_id = v.id AND m.direction = 'out' "
        "     AND m.status BETWEEN 2 AND 5 AND m.sent_at >= v.last_referral_at AND m.sent_at < v.last_referral_at + ?) "
        "FROM conversations v WHERE ") + condition);
    query.addBindValue(ServiceWindow::kReplyToAdWithinMs);
    for (const QVariant &value : values)
        query.addBindValue(value);
    QHash<qint64, ServiceWindow::Times> result;
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("read the 24-hour windows"));
        return result;
    }
    while (query.next()) {
        ServiceWindow::Times times;
        times.lastInbound = query.value(1).isNull() ? 0 : query.value(1).toLongLong();
        const qint64 closed = query.value(2).isNull() ? 0 : query.value(2).toLongLong();
        times.closedByApi = closed >= times.lastInbound ? closed : 0;
        times.freeEntryEnd = query.value(3).isNull() ? 0 : query.value(3).toLongLong() + ServiceWindow::kFreeEntryMs;
        result.insert(query.value(0).toLongLong(), times);
    }
    return result;
}

} // namespace Mostrador
