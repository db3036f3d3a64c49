#pragma once

#include <QCoreApplication>
#include <QObject>

namespace Mostrador {

class CloudApiClient;
class Clock;
class Database;

// Blocking and unblocking a customer on the number's block list (Meta's API, then the store),
// with WhatsApp's rule said plainly: a business may block only someone who wrote in the last
// 24 hours; unblocking is always allowed.
class CustomerBlocking final : public QObject
{
    Q_OBJECT

public:
    CustomerBlocking(Database &database, CloudApiClient &client, const Clock &clock, QObject *parent = nullptr);

    void block(qint64 conversationId);
    void unblock(qint64 conversationId);

Q_SIGNALS:
    void changed(qint64 conversationId, bool blocked);
    // A sentence for the shop: why it did not happen and what can be done.
    void failed(qint64 conversationId, const QString &reason);

private:
    void change(qint64 conversationId, bool block);

    Database &m_database;
    CloudApiClient &m_client;
    const Clock &m_clock;
};

} // namespace Mostrador
