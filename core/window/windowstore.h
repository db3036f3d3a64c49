#pragma once

#include "messaging/servicewindow.h"
#include "db/storeerror.h"

#include <QHash>
#include <QSet>

namespace Mostrador {

class Database;

// What the 24-hour windows depend on, read from the stored messages: each conversation's
// customer's last message, a 131047 refusal after it, and a free entry point from an ad.
class WindowStore final
{
public:
    explicit WindowStore(Database &database);

    // Every conversation whose window or free entry point may still be open at `now`.
    [[nodiscard]] QHash<qint64, ServiceWindow::Times> recent(qint64 now, StoreError *error) const;
    // These conversations.
    [[nodiscard]] QHash<qint64, ServiceWindow::Times> of(const QSet<qint64> &conversationIds, StoreError *error) const;

private:
    [[nodiscard]] QHash<qint64, ServiceWindow::Times> load(const QString &condition, const QVariantList &values,
                                                           StoreError *error) const;

    Database &m_database;
};

} // namespace Mostrador
