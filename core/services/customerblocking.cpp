#include "customerblocking.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "common/clock.h"
#include "inbox/shopeditstore.h"

namespace Mostrador {

CustomerBlocking::CustomerBlocking(Database &database, CloudApiClient &client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_clock(clock)
{
}

void CustomerBlocking::block(qint64 conversationId)
{
    change(conversationId, true);
}

void CustomerBlocking::unblock(qint64 conversationId)
{
    change(conversationId, false);
}

void CustomerBlocking::change(qint64 conversationId, bool block)
{
    StoreError error;
    const auto customer = ShopEditStore(m_database).customerOf(conversationId, &error);
    if (!customer) {
        Q_EMIT failed(conversationId, error.userMessage);
        return;
    }
    if (m_client.config().accessToken.isEmpty()) {
        Q_EMIT failed(conversationId, tr("Blocking goes through WhatsApp: connect the number first (Shop ▸ Connection)."));
        return;
    }
    const QString user = customer->waId.isEmpty() ? customer->userId : customer->waId;
    const QString name = customer->displayName.isEmpty() ? customer->profileName : customer->displayName;
    GraphJob *job = block ? m_client.blockUser(user) : m_client.unblockUser(user);
    const qint64 customerId = customer->id;
    connect(job, &ApiJob::finished, this, [this, job, conversationId, customerId, block, name] {
        if (!job->succeeded()) {
            const int code = job->error()->code;
            Q_EMIT failed(conversationId,
                          block && code >= 139100 && code <= 139199
                              ? tr("WhatsApp lets a business block only someone who wrote in the last 24 hours, and %1 has not. "
                                   "You can block them the next time they write.").arg(name)
                              : job->error()->userMessage());
            return;
        }
        if (const StoreError stored = ShopEditStore(m_database).setBlocked(customerId, block ? m_clock.now() : QDateTime());
            stored.isError()) {
            Q_EMIT failed(conversationId, stored.userMessage);
            return;
        }
        Q_EMIT changed(conversationId, block);
    });
}

} // namespace Mostrador
