#include "readreceiptstore.h"

#include "common/clock.h"
#include "db/database.h"
#include "db/storenotifications.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

ReadReceiptStore::ReadReceiptStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

StoreError ReadReceiptStore::request(const QString &wamid, qint64 conversationId)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO read_receipts (wamid, conversation_id, requested_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT (wamid) DO NOTHING"));
    insert.addBindValue(wamid);
    insert.addBindValue(conversationId);
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!insert.exec())
        return StoreError::fromSql(insert.lastError(), QStringLiteral("ask for a read receipt"));
    StoreNotifications::announce(m_database, StoreNotifications::Change::Status, {conversationId}); // the server hears it
    return {};
}

QStringList ReadReceiptStore::waiting(int limit, StoreError *error) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT wamid FROM read_receipts ORDER BY requested_at LIMIT ?"));
    query.addBindValue(limit);
    QStringList wamids;
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("read waiting read receipts"));
        return wamids;
    }
    while (query.next())
        wamids << query.value(0).toString();
    return wamids;
}

StoreError ReadReceiptStore::forget(const QString &wamid)
{
    QSqlQuery remove(m_database.connection());
    remove.prepare(QStringLiteral("DELETE FROM read_receipts WHERE wamid = ?"));
    remove.addBindValue(wamid);
    if (!remove.exec())
        return StoreError::fromSql(remove.lastError(), QStringLiteral("forget a read receipt"));
    return {};
}

} // namespace Mostrador
