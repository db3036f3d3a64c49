#include "inboxnavigation.h"

#include "inbox/conversationlistmodel.h"
#include "inbox/inboxpane.h"

#include <QListView>

namespace Mostrador {

InboxNavigation::InboxNavigation(ConversationListModel &conversations, InboxPane &inbox)
    : m_conversations(conversations)
    , m_inbox(inbox)
{
}

void InboxNavigation::openMostWaiting()
{
    // The one with the most waiting: where a person would start.
    int best = -1;
    int most = -1;
    for (int row = 0; row < m_conversations.rowCount(); ++row) {
        const int unread = m_conversations.index(row).data(ConversationListModel::UnreadCountRole).toInt();
        if (unread > most) {
            most = unread;
            best = row;
        }
    }
    if (best >= 0)
        m_inbox.list()->setCurrentIndex(m_conversations.index(best));
}

void InboxNavigation::move(qint64 fromConversation, int step)
{
    const int count = m_conversations.rowCount();
    if (count == 0)
        return;
    const int row = m_conversations.rowOf(fromConversation);
    m_inbox.list()->setCurrentIndex(m_conversations.index(std::clamp(row + step, 0, count - 1)));
}

void InboxNavigation::openNextUnread(qint64 fromConversation)
{
    const int count = m_conversations.rowCount();
    const int row = m_conversations.rowOf(fromConversation);
    for (int offset = 1; offset <= count; ++offset) {
        const QModelIndex candidate = m_conversations.index((std::max(row, 0) + offset) % count);
        if (candidate.data(ConversationListModel::UnreadCountRole).toInt() > 0) {
            m_inbox.list()->setCurrentIndex(candidate);
            return;
        }
    }
}

void InboxNavigation::openNextWaiting(qint64 fromConversation, int row)
{
    const int count = m_conversations.rowCount();
    for (int offset = 0; offset < count; ++offset) {
        const QModelIndex candidate = m_conversations.index((std::max(row, 0) + offset) % count);
        if (candidate.data(ConversationListModel::IdRole).toLongLong() == fromConversation)
            continue;
        if (candidate.data(ConversationListModel::LastDirectionRole).value<Direction>() == Direction::Inbound
            && candidate.data(ConversationListModel::StatusRole).toString() != QLatin1String("resolved")) {
            m_inbox.list()->setCurrentIndex(candidate);
            return;
        }
    }
}

} // namespace Mostrador
