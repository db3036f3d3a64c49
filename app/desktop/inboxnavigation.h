#pragma once

#include <QtGlobal>

namespace Mostrador {

class ConversationListModel;
class InboxPane;

// Moving through the inbox by keyboard: next and previous, the next one with unread messages,
// the next one waiting for an answer, the one with the most waiting. It moves the inbox's
// selection; opening follows from the selection.
class InboxNavigation final
{
public:
    InboxNavigation(ConversationListModel &conversations, InboxPane &inbox);

    void openMostWaiting();
    void move(qint64 fromConversation, int step);
    void openNextUnread(qint64 fromConversation);
    // The next conversation waiting for the shop's answer below `row`, else from the top.
    void openNextWaiting(qint64 fromConversation, int row);

private:
    ConversationListModel &m_conversations;
    InboxPane &m_inbox;
};

} // namespace Mostrador
