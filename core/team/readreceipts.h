#pragma once

#include "team/readreceiptstore.h"

#include <QObject>
#include <QSet>
#include <QString>

namespace Mostrador {

class CloudApiClient;
class Clock;
class Database;

// Read receipts in team mode: a desktop has no token, so when someone opens a conversation it
// asks (a row in the store) and the server, which has the token, tells WhatsApp — the customer
// still sees the blue ticks. Each receipt is sent once; one the API refuses for good is dropped.
class ReadReceipts final : public QObject
{
    Q_OBJECT

public:
    ReadReceipts(Database &database, const Clock &clock, QObject *parent = nullptr);

    // Desktop side: this customer message (and so the ones before it) has been read.
    StoreError request(const QString &wamid, qint64 conversationId);

    // Server side: sends what is waiting, oldest first.
    void sendPending(CloudApiClient &client);

Q_SIGNALS:
    void sent(const QString &wamid);

private:
    ReadReceiptStore m_store;
    QSet<QString> m_inFlight;
};

} // namespace Mostrador
