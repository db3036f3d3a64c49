#include "readreceipts.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "common/clock.h"

#include <QLoggingCategory>

namespace Mostrador {

namespace {
Q_LOGGING_CATEGORY(lcReadReceipts, "mostrador.receipts")
} // namespace

ReadReceipts::ReadReceipts(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(database, clock)
{
}

StoreError ReadReceipts::request(const QString &wamid, qint64 conversationId)
{
    return m_store.request(wamid, conversationId);
}

void ReadReceipts::sendPending(CloudApiClient &client)
{
    if (client.config().accessToken.isEmpty())
        return;
    StoreError error;
    const QStringList wamids = m_store.waiting(50, &error);
    for (const QString &wamid : std::as_const(wamids)) {
        if (m_inFlight.contains(wamid))
            continue;
        m_inFlight.insert(wamid);
        GraphJob *job = client.markRead(wamid);
        connect(job, &ApiJob::finished, this, [this, wamid](ApiJob *done) {
            m_inFlight.remove(wamid);
            // Sent, or refused for good (an old or unknown message): either way nothing to retry.
            if (done->succeeded() || !done->error()->isRetryable()) {
                // Still listed, it is sent again later: Meta takes a second receipt as the first.
                if (const StoreError kept = m_store.forget(wamid); kept.isError())
                    qCInfo(lcReadReceipts) << "a sent read receipt stays listed:" << kept.detail;
                if (done->succeeded())
                    Q_EMIT sent(wamid);
            }
        });
    }
}

} // namespace Mostrador
