#pragma once

#include "db/storeerror.h"

#include <QStringList>

namespace Mostrador {

class Clock;
class Database;

// Team mode's read receipts waiting for the server: a desktop has no token, so it leaves a row
// here when someone opens a conversation, and the server sends them and clears them.
class ReadReceiptStore final
{
public:
    ReadReceiptStore(Database &database, const Clock &clock);

    // This customer message (and so the ones before it) has been read; the server hears of it.
    StoreError request(const QString &wamid, qint64 conversationId);
    // The oldest waiting, at most `limit`.
    [[nodiscard]] QStringList waiting(int limit, StoreError *error) const;
    StoreError forget(const QString &wamid);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace Mostrador
