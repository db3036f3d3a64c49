#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

class QSystemTrayIcon;

namespace Mostrador {

class ConversationListModel;
class DesktopNotifier;
class MainWindow;
class ConversationStore;

// Tells the shop a customer wrote while it looks at another window: one desktop notification
// per conversation (what the customer wrote last), the tray's tooltip with the unread count.
// Clicking a notification asks to open that conversation.
class NewMessageAlerts final : public QObject
{
    Q_OBJECT

public:
    NewMessageAlerts(ConversationListModel &conversations, ConversationStore &reader, MainWindow &window, QObject *parent = nullptr);

    [[nodiscard]] DesktopNotifier &notifier() { return *m_notifier; }

    // The unread total now, and the conversations that changed since the last call.
    void update(int unreadTotal, const QSet<qint64> &changed);
    // The shop read this conversation: its notification goes.
    void withdraw(qint64 conversationId);

Q_SIGNALS:
    // 0: the notification that names several customers, or the tray icon.
    void openRequested(qint64 conversationId);

private:
    void notifyNewMessages(const QSet<qint64> &changed);
    [[nodiscard]] QString latestCustomerText(qint64 conversationId);

    ConversationListModel &m_conversations;
    ConversationStore &m_reader;
    MainWindow &m_window;
    QSystemTrayIcon *m_tray = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    QHash<qint64, int> m_notifiedUnread; // by conversation: how many unread the last notification told of
};

} // namespace Mostrador
