// Desktop notifications as a Linux desktop receives them: over a real D-Bus session bus, to a
// service speaking the freedesktop notification protocol, which records what it is asked and
// clicks a notification as the person at the counter would.
#include "desktopnotifier.h"
#include "workspace.h"

#include "api/messagepayloads.h"
#include "i18n/languagecontroller.h"
#include "inbox/conversationlistmodel.h"
#include "mainwindow/mainwindow.h"
#include "outbox/outbox.h"
#include "services/shopservices.h"
#include "privatesessionbus.h"
#include "qtprinting.h"
#include "thread/threadpane.h"
#include "wireloop.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QSettings>
#include <QTest>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QString kCustomer = QStringLiteral("573001112233");

struct ReceivedNotification {
    QString appName;
    uint replacesId = 0;
    QString icon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    uint id = 0;
};

// org.freedesktop.Notifications as the desktop's notification daemon offers it.
class NotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<ReceivedNotification> received;
    QList<uint> closed;

public Q_SLOTS:
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("body-markup")}; }

    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int)
    {
        const uint id = replacesId ? replacesId : ++m_lastId;
        received << ReceivedNotification{appName, replacesId, icon, summary, body, actions, hints, id};
        return id;
    }

    void CloseNotification(uint id)
    {
        closed << id;
        Q_EMIT NotificationClosed(id, 3);
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);

private:
    uint m_lastId = 0;
};

class DesktopNotifications : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!bus.isAvailable())
            GTEST_SKIP() << qPrintable(bus.skipReason());
        QSettings().clear();
        languages.apply(QStringLiteral("en"));
        QDBusConnection desktop = bus.connect(QStringLiteral("notification-daemon"));
        ASSERT_TRUE(desktop.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &service,
                                           QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        ASSERT_TRUE(desktop.registerService(QStringLiteral("org.freedesktop.Notifications")));

        loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía Gómez"));
        // Like the automatic replies, which the desktop connects before the workspace.
        QObject::connect(loop.ingestor.get(), &WebhookIngestor::conversationsChanged, &elsewhere, [this] {
            if (!autoReply)
                return;
            StoreError error;
            const QString text = QStringLiteral("¡Hola! Ahora estamos cerrados.");
            ASSERT_TRUE(outbox->enqueue(*outbox->conversationWith(kCustomer, &error), MessageKind::Text, text, MessagePayloads::text({kCustomer, {}, {}}, text), true, &error))
                << error.detail.toStdString();
            autoReply = false;
        });
        shop = std::make_unique<ShopServices>(*loop.database, *loop.ingestor, *loop.client, loop.clock, mediaFolder.path(),
                                              ShopServices::Runner::ThisComputer);
        outbox = &shop->outbox();
        window = std::make_unique<MainWindow>(languages);
        workspace = std::make_unique<Workspace>(*shop, *window);
        workspace->notifier().useBus(bus.connect(QStringLiteral("mostrador")));
        window->resize(1200, 760);
        window->show();
        // The shop is looking at another program.
        elsewhere.show();
        QApplication::setActiveWindow(&elsewhere);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !window->isActiveWindow(); }, 2000));
    }

    void customerWrites(const QString &text) { ASSERT_TRUE(loop.customerWrites(kCustomer, text)); }

    bool notificationsArrive(int count)
    {
        return QTest::qWaitFor([&] { return service.received.size() >= count; }, 3000);
    }

    PrivateSessionBus bus;
    NotificationService service;
    LanguageController languages;
    WireLoop loop;
    QTemporaryDir mediaFolder;
    std::unique_ptr<ShopServices> shop;
    Outbox *outbox = nullptr;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<Workspace> workspace;
    QWidget elsewhere;
    bool autoReply = false;
};

} // namespace

TEST_F(DesktopNotifications, ACustomerWhoWritesWhileTheShopLooksElsewhereIsAnnouncedAndTheClickOpensTheChat)
{
    customerWrites(QStringLiteral("¿La lámpara Nube cuesta < 90 € & envío?"));
    ASSERT_TRUE(notificationsArrive(1));
    const ReceivedNotification first = service.received.first();
    EXPECT_EQ(first.appName, QStringLiteral("Mostrador"));
    EXPECT_EQ(first.summary, QStringLiteral("Lucía Gómez"));
    // The service reads markup, so the customer's < and & are escaped, not taken as markup.
    EXPECT_EQ(first.body, QStringLiteral("¿La lámpara Nube cuesta &lt; 90 € &amp; envío?"));
    EXPECT_EQ(first.replacesId, 0u);
    EXPECT_EQ(first.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("org.mostrador.Mostrador"));
    EXPECT_EQ(first.hints.value(QStringLiteral("category")).toString(), QStringLiteral("im.received"));
    EXPECT_TRUE(first.actions.contains(QStringLiteral("default")));

    // A second message replaces the first notification instead of piling up.
    customerWrites(QStringLiteral("Es para hoy"));
    ASSERT_TRUE(notificationsArrive(2));
    const ReceivedNotification second = service.received.at(1);
    EXPECT_EQ(second.replacesId, first.id);
    EXPECT_EQ(second.body, QStringLiteral("2 new messages\nEs para hoy"));

    // Clicking it brings the window up on that conversation, reads it, and takes the
    // notification away.
    Q_EMIT service.ActionInvoked(second.id, QStringLiteral("default"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace->threadPane().conversation() != 0; }, 3000));
    auto *list = window->findChild<QAbstractItemView *>(QStringLiteral("conversationList"));
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->currentIndex().data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Lucía Gómez"));
    EXPECT_EQ(list->currentIndex().data(ConversationListModel::UnreadCountRole).toInt(), 0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return service.closed.contains(second.id); }, 3000));
    EXPECT_TRUE(window->isActiveWindow());
}

TEST_F(DesktopNotifications, NothingIsAnnouncedWhileTheShopLooksAtMostradorOrHasTurnedThemOff)
{
    auto *notify = window->findChild<QAction *>(QStringLiteral("notifyAction"));
    ASSERT_NE(notify, nullptr);
    notify->setChecked(false);
    customerWrites(QStringLiteral("Hola"));
    notify->setChecked(true);

    QApplication::setActiveWindow(window.get());
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->isActiveWindow(); }, 2000));
    customerWrites(QStringLiteral("¿Hay alguien?"));
    QTest::qWait(300); // time for a notification that should not come
    EXPECT_TRUE(service.received.isEmpty());

    // Looking away again: the next message is announced, with everything still unread.
    QApplication::setActiveWindow(&elsewhere);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->isActiveWindow(); }, 2000));
    customerWrites(QStringLiteral("Vuelvo luego"));
    ASSERT_TRUE(notificationsArrive(1));
    EXPECT_EQ(service.received.first().body, QStringLiteral("3 new messages\nVuelvo luego"));
}

TEST_F(DesktopNotifications, TheNotificationSaysWhatTheCustomerWroteNotTheAutomaticReply)
{
    autoReply = true;
    customerWrites(QStringLiteral("¿Abrís el domingo?"));
    ASSERT_TRUE(notificationsArrive(1));
    EXPECT_FALSE(autoReply) << "the automatic reply was stored before the notification";
    EXPECT_EQ(service.received.first().body, QStringLiteral("¿Abrís el domingo?"));
}

TEST_F(DesktopNotifications, ManyCustomersAtOnceFoldIntoOneNotificationNamingTheRest)
{
    const QStringList names{QStringLiteral("Ana"), QStringLiteral("Bruno"), QStringLiteral("Carla"), QStringLiteral("Dario"),
                            QStringLiteral("Elena")};
    for (int i = 0; i < names.size(); ++i) {
        const QString waId = QStringLiteral("57300000000%1").arg(i);
        loop.sandbox->addCustomer(waId, names.at(i));
        ASSERT_TRUE(loop.customerWrites(waId, QStringLiteral("Hola, soy ") + names.at(i)));
        ASSERT_TRUE(notificationsArrive(i + 1));
    }
    // Three on screen, one each; then one that names the others and replaces itself as it grows.
    QStringList summaries;
    for (const ReceivedNotification &notification : std::as_const(service.received))
        summaries << notification.summary;
    EXPECT_EQ(summaries, (QStringList{QStringLiteral("Ana"), QStringLiteral("Bruno"), QStringLiteral("Carla"),
                                      QStringLiteral("More customers wrote"), QStringLiteral("More customers wrote")}));
    const ReceivedNotification folded = service.received.last();
    EXPECT_EQ(folded.body, QStringLiteral("Elena, Dario"));
    EXPECT_EQ(folded.replacesId, service.received.at(3).id);

    // Clicking it brings Mostrador up on a conversation waiting to be read.
    Q_EMIT service.ActionInvoked(folded.id, QStringLiteral("default"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace->threadPane().conversation() != 0; }, 3000));
    EXPECT_TRUE(window->isActiveWindow());
}

#include "desktopnotifications_test.moc"
