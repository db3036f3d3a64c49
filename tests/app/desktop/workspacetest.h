#pragma once

// The real workspace, window and shop services on the wire loop (a store, the sandbox, the
// receiver), as the desktop runs them: the fixture the workspace's widget tests share.
#include "workspace.h"
#include "composer/composer.h"
#include "customer/customerpane.h"
#include "inbox/inboxpane.h"
#include "i18n/languagecontroller.h"
#include "inbox/conversationlistmodel.h"
#include "automation/quickreplies.h"
#include "mainwindow/mainwindow.h"
#include "widgets/undotoast.h"
#include "media/mediadownloader.h"
#include "outbox/outbox.h"
#include "services/shopservices.h"
#include "qtprinting.h"
#include "thread/messagelistmodel.h"
#include "thread/messagedelegate.h"
#include "thread/threadpane.h"
#include "widgetlookup.h"
#include "wireloop.h"
#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QMenu>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QStyleOptionViewItem>
#include <QComboBox>
#include <QCryptographicHash>
#include <QImage>
#include <QPainter>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

namespace Mostrador::Testing {

inline const QString kCustomer = QStringLiteral("573001112233");

class WorkspaceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        languages.apply(QStringLiteral("en"));
        loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía Gómez"));
        shop = std::make_unique<ShopServices>(*loop.database, *loop.ingestor, *loop.client, loop.clock, mediaFolder.path(),
                                              ShopServices::Runner::ThisComputer);
        outbox = &shop->outbox();
        Outbox::Settings settings;
        settings.perCustomerIntervalMs = 0;
        outbox->setSettings(settings);
        window = std::make_unique<MainWindow>(languages);
        workspace = std::make_unique<Workspace>(*shop, *window);
        window->resize(1200, 760);
        window->show();
    }

    void customerWrites(const QString &text)
    {
        ASSERT_TRUE(loop.customerWrites(kCustomer, text));
    }

    template<typename T>
    T *find(const char *name) const
    {
        return child<T>(*window, name);
    }

    MessageListModel *messages() const
    {
        return qobject_cast<MessageListModel *>(find<QListView>("messageList")->model());
    }

    LanguageController languages;
    WireLoop loop;
    QTemporaryDir mediaFolder;
    std::unique_ptr<ShopServices> shop;
    Outbox *outbox = nullptr;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<Workspace> workspace;
};

} // namespace Mostrador::Testing
