#include "desktopnotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcDesktopNotify, "mostrador.desktop.notify")

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
// The desktop file: lets the desktop group the notifications under Mostrador, with its icon.
const QString kDesktopEntry = QStringLiteral("org.mostrador.Mostrador");
// How many conversations show at once before the others fold into one notification.
constexpr qsizetype kMostShown = 3;
// The key of that folded notification among the conversations' ids.
constexpr qint64 kFoldedKey = -1;

QDBusMessage call(const QString &method)
{
    return QDBusMessage::createMethodCall(kService, kPath, kInterface, method);
}

} // namespace

DesktopNotifier::DesktopNotifier(QSystemTrayIcon *tray, QObject *parent)
    : QObject(parent)
    , m_bus(QStringLiteral("none"))
    , m_tray(tray)
{
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_trayConversation)
                Q_EMIT activated(m_trayConversation);
        });
    }
    useBus(QDBusConnection::sessionBus());
}

void DesktopNotifier::useBus(const QDBusConnection &bus)
{
    if (m_bus.isConnected()) {
        m_bus.disconnect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                         SLOT(handleAction(uint, QString)));
        m_bus.disconnect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                         SLOT(handleClosed(uint, uint)));
    }
    m_bus = bus;
    m_shown.clear();
    m_waiting.clear();
    m_serviceAnswers = m_bus.isConnected();
    if (!m_serviceAnswers)
        return;
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this, SLOT(handleAction(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this, SLOT(handleClosed(uint, uint)));
    askCapabilities();
}

void DesktopNotifier::askCapabilities()
{
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call(QStringLiteral("GetCapabilities"))), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        const QDBusPendingReply<QStringList> reply = *finished;
        if (!reply.isError())
            m_bodyMarkup = reply.value().contains(QLatin1String("body-markup"));
    });
}

void DesktopNotifier::notify(qint64 conversationId, const QString &title, const QString &text)
{
    if (!m_serviceAnswers) {
        showInTray(conversationId, title, text);
        return;
    }
    const bool onScreen = m_shown.contains(conversationId) || m_waiting.contains(conversationId);
    const qsizetype conversationsShown = m_shown.size() + m_waiting.size() - (m_shown.contains(kFoldedKey) || m_waiting.contains(kFoldedKey));
    if (!onScreen && conversationsShown >= kMostShown) {
        m_folded.removeIf([conversationId](const auto &folded) { return folded.first == conversationId; });
        m_folded.prepend({conversationId, title});
        showFolded();
        return;
    }
    send(conversationId, title, text);
}

void DesktopNotifier::showFolded()
{
    if (m_folded.isEmpty()) {
        withdraw(kFoldedKey);
        return;
    }
    QStringList names;
    for (const auto &folded : std::as_const(m_folded))
        names << folded.second;
    send(kFoldedKey, tr("More customers wrote"), names.join(QStringLiteral(", ")));
}

void DesktopNotifier::send(qint64 key, const QString &title, const QString &text)
{
    QDBusMessage notify = call(QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("desktop-entry"), kDesktopEntry},
                            {QStringLiteral("category"), QStringLiteral("im.received")},
                            {QStringLiteral("urgency"), QVariant::fromValue(uchar(1))}};
    notify << QStringLiteral("Mostrador") << m_shown.value(key, 0u) << kDesktopEntry << title
           << (m_bodyMarkup ? text.toHtmlEscaped() : text)
           << QStringList{QStringLiteral("default"), key == kFoldedKey ? tr("Open Mostrador") : tr("Open the conversation")}
           << hints << -1;
    m_waiting.insert(key);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(notify), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key, title, text](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        const QDBusPendingReply<uint> reply = *finished;
        if (reply.isError()) {
            qCInfo(lcDesktopNotify).noquote() << "no notification service, using the tray:" << reply.error().message();
            m_serviceAnswers = false;
            m_waiting.remove(key);
            showInTray(qMax(key, qint64(0)), title, text);
            return;
        }
        if (!m_waiting.remove(key)) {
            close(reply.value()); // read while the service was answering
            return;
        }
        m_shown.insert(key, reply.value());
    });
}

void DesktopNotifier::withdraw(qint64 conversationId)
{
    if (conversationId != kFoldedKey
        && m_folded.removeIf([conversationId](const auto &folded) { return folded.first == conversationId; })) {
        showFolded();
    }
    m_waiting.remove(conversationId);
    if (const auto shown = m_shown.find(conversationId); shown != m_shown.end()) {
        close(*shown);
        m_shown.erase(shown);
    }
    if (m_trayConversation == conversationId)
        m_trayConversation = 0;
}

void DesktopNotifier::close(uint notificationId)
{
    QDBusMessage close = call(QStringLiteral("CloseNotification"));
    close << notificationId;
    m_bus.call(close, QDBus::NoBlock);
}

void DesktopNotifier::handleAction(uint notificationId, const QString &actionKey)
{
    if (actionKey != QLatin1String("default"))
        return;
    const qint64 key = m_shown.key(notificationId, 0);
    if (key == kFoldedKey)
        Q_EMIT activated(0);
    else if (key)
        Q_EMIT activated(key);
}

void DesktopNotifier::handleClosed(uint notificationId, uint)
{
    const qint64 key = m_shown.key(notificationId, 0);
    if (!key)
        return;
    m_shown.remove(key);
    if (key == kFoldedKey)
        m_folded.clear();
}

void DesktopNotifier::showInTray(qint64 conversationId, const QString &title, const QString &text)
{
    if (!m_tray)
        return;
    m_trayConversation = conversationId;
    m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
}

} // namespace Mostrador
