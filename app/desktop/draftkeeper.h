#pragma once

#include <QHash>
#include <QString>

namespace Mostrador {

class ShopEditStore;

// The reply being written, per conversation: stored as the shop moves between conversations,
// and kept in memory while the store cannot take it (a full disk, a team's server out of
// reach) until it can.
class DraftKeeper final
{
public:
    explicit DraftKeeper(ShopEditStore &edits);

    void keep(qint64 conversationId, const QString &text);
    [[nodiscard]] QString draft(qint64 conversationId) const;
    // Stores what was kept in memory, now that the store may take it.
    void storeKept();

private:
    ShopEditStore &m_edits;
    QHash<qint64, QString> m_unstored;
};

} // namespace Mostrador
