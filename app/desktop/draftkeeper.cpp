#include "draftkeeper.h"

#include "inbox/shopeditstore.h"

namespace Mostrador {

DraftKeeper::DraftKeeper(ShopEditStore &edits)
    : m_edits(edits)
{
}

void DraftKeeper::keep(qint64 conversationId, const QString &text)
{
    if (m_edits.saveDraft(conversationId, text).isError())
        m_unstored.insert(conversationId, text);
    else
        m_unstored.remove(conversationId);
}

QString DraftKeeper::draft(qint64 conversationId) const
{
    return m_unstored.contains(conversationId) ? m_unstored.value(conversationId) : m_edits.draft(conversationId);
}

void DraftKeeper::storeKept()
{
    for (auto it = m_unstored.begin(); it != m_unstored.end();) {
        if (m_edits.saveDraft(it.key(), it.value()).isError())
            ++it;
        else
            it = m_unstored.erase(it);
    }
}

} // namespace Mostrador
