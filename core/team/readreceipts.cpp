#include "readreceipts.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "common/clock.h"
#include "store/database.h"
#include "storenotifications.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

ReadReceipts::ReadReceipts(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{
}

StoreError ReadReceipts::request(const QString &wamid, qint64 conversationId)
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

void ReadReceipts::sendPending(CloudApiClient &client)
{
    if (client.config().accessToken.isEmpty())
        return;
    QSqlQuery waiting(m_database.connection());
    if (!waiting.exec(QStringLiteral("SELECT wamid FROM read_receipts ORDER BY requested_at LIMIT 50")))
        return;
    QStringList wamids;
    while (waiting.next())
        wamids << waiting.value(0).toString();
    for (const QString &wamid : std::as_const(wamids)) {
        if (m_inFlight.contains(wamid))
            continue;
        m_inFlight.insert(wamid);
        GraphJob *job = client.markRead(wamid);
        connect(job, &ApiJob::finished, this, [this, wamid](ApiJob *done) {
            m_inFlight.remove(wamid);
            // Sent, or refused for good (an old or unknown message): either way nothing to retry.
            if (done->succeeded() || !done->error()->isRetryable()) {
                forget(wamid);
                if (done->succeeded())
                    Q_EMIT sent(wamid);
            }
        });
    }
}

void ReadReceipts::forget(const QString &wamid)
{
    QSqlQuery remove(m_database.connection());
    remove.prepare(QStringLiteral("DELETE FROM read_receipts WHERE wamid = ?"));
    remove.addBindValue(wamid);
    remove.exec();
}

} // namespace Mostrador
