#include "newmessagealerts.h"

#include "desktopnotifier.h"
#include "inbox/conversationlistmodel.h"
#include "mainwindow/mainwindow.h"
#include "conversations/conversationstore.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace Mostrador {

NewMessageAlerts::NewMessageAlerts(ConversationListModel &conversations, ConversationStore &reader, MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_conversations(conversations)
    , m_reader(reader)
    , m_window(window)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] { Q_EMIT openRequested(0); });
        m_tray->show();
    }
    m_notifier = new DesktopNotifier(m_tray, this);
    connect(m_notifier, &DesktopNotifier::activated, this, &NewMessageAlerts::openRequested);
}

void NewMessageAlerts::update(int unreadTotal, const QSet<qint64> &changed)
{
    if (m_tray)
        m_tray->setToolTip(tr("Mostrador: %n unread message(s)", nullptr, unreadTotal));
    // Desktop notifications only while the shop is looking elsewhere.
    if (!m_window.isActiveWindow() && m_window.notificationsEnabled())
        notifyNewMessages(changed);
}

void NewMessageAlerts::withdraw(qint64 conversationId)
{
    m_notifier->withdraw(conversationId);
    m_notifiedUnread.remove(conversationId);
}

// One notification per conversation in which the customer wrote since the last one.
void NewMessageAlerts::notifyNewMessages(const QSet<qint64> &changed)
{
    for (const qint64 conversationId : changed) {
        const int row = m_conversations.rowOf(conversationId);
        if (row < 0)
            continue;
        const QModelIndex conversation = m_conversations.index(row);
        const int unread = conversation.data(ConversationListModel::UnreadCountRole).toInt();
        if (unread <= m_notifiedUnread.value(conversationId, 0))
            continue; // a delivery tick, or nothing new since the last notification
        m_notifiedUnread.insert(conversationId, unread);
        const QString who = conversation.data(ConversationListModel::CustomerNameRole).toString();
        const QString latest = latestCustomerText(conversationId);
        const QString text = unread > 1 ? tr("%n new messages", nullptr, unread) + QLatin1Char('\n') + latest : latest;
        m_notifier->notify(conversationId, who.isEmpty() ? tr("New message") : who, text);
    }
}

// What the customer wrote last (the conversation's last message may be an automatic reply).
QString NewMessageAlerts::latestCustomerText(qint64 conversationId)
{
    StoreError error;
    const QList<StoredMessage> newest = m_reader.messages(conversationId, std::nullopt, 10, &error);
    for (const StoredMessage &message : newest) {
        if (message.direction != Direction::Inbound || message.kind == MessageKind::Reaction || message.revoked)
            continue;
        const QString text = message.caption.isEmpty() ? message.body : message.caption;
        if (!text.isEmpty())
            return text;
        switch (message.kind) {
        case MessageKind::Image:
            return tr("Photo");
        case MessageKind::Audio:
            return tr("Voice or audio message");
        default:
            return tr("Sent a file");
        }
    }
    return tr("New message");
}

} // namespace Mostrador
