#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QSet>

class QSystemTrayIcon;

namespace Mostrador {

// Tells the person at the counter that a customer wrote while they look at another window.
//
// On Linux the notification goes to the desktop's own notification service (the freedesktop
// one that GNOME, KDE, XFCE and the rest provide over D-Bus), so it shows in the desktop's
// style whether or not there is a tray, and clicking it opens the conversation. One
// notification per conversation: a newer message replaces it, and reading the conversation
// takes it away. At most three conversations show at a time; more fold into one notification
// naming who else wrote, so a morning's backlog does not bury the screen. Where no such
// service answers, the tray icon's balloon says it instead.
class DesktopNotifier final : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QSystemTrayIcon *tray, QObject *parent = nullptr);

    // Talks to the notification service on this bus (the session bus unless told otherwise).
    void useBus(const QDBusConnection &bus);

    void notify(qint64 conversationId, const QString &title, const QString &text);
    // The conversation was read: its notification goes.
    void withdraw(qint64 conversationId);

Q_SIGNALS:
    // The person clicked the notification of this conversation (0: the one naming several).
    void activated(qint64 conversationId);

private Q_SLOTS:
    void handleAction(uint notificationId, const QString &actionKey);
    void handleClosed(uint notificationId, uint reason);

private:
    void askCapabilities();
    void send(qint64 key, const QString &title, const QString &text);
    void showFolded();
    void close(uint notificationId);
    void showInTray(qint64 conversationId, const QString &title, const QString &text);

    QDBusConnection m_bus;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_serviceAnswers = true; // until a call to it fails
    bool m_bodyMarkup = false;    // the service reads <b>, &amp;… in the text: escape it
    QHash<qint64, uint> m_shown;  // conversation → the service's notification id
    QSet<qint64> m_waiting;       // asked for, the service's id not back yet
    QList<std::pair<qint64, QString>> m_folded; // conversations named in the folded notification
    qint64 m_trayConversation = 0;
};

} // namespace Mostrador
