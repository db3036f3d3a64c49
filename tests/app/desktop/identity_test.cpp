// The desktop with customers as WhatsApp names them: writing first to a number typed in any
// form (Ctrl+N), a customer known only by user name, a customer who changed number, blocking.

#include "composer/composer.h"
#include "inbox/newconversationdialog.h"
#include "i18n/languagecontroller.h"
#include "inbox/conversationlistmodel.h"
#include "mainwindow/mainwindow.h"
#include "outbox/outbox.h"
#include "qtprinting.h"
#include "sandbox/sandboxserver.h"
#include "services/shopservices.h"
#include "thread/threadpane.h"
#include "widgetlookup.h"
#include "wireloop.h"
#include "workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

class IdentityOnTheDesktop : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        languages.apply(QStringLiteral("en"));
        shop = std::make_unique<ShopServices>(*loop.database, *loop.ingestor, *loop.client, loop.clock, media.path(),
                                              ShopServices::Runner::ThisComputer);
        ASSERT_FALSE(shop->setRegion(QStringLiteral("CO")).isError());
        Outbox::Settings settings;
        settings.perCustomerIntervalMs = 0;
        shop->outbox().setSettings(settings);
        window = std::make_unique<MainWindow>(languages);
        workspace = std::make_unique<Workspace>(*shop, *window);
        window->resize(1280, 760);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    // Picture for the guide (MOSTRADOR_TEST_SCREENSHOTS=folder), in English and Spanish.
    void picture(QWidget &widget, const QString &name)
    {
        const QString folder = qEnvironmentVariable("MOSTRADOR_TEST_SCREENSHOTS");
        if (folder.isEmpty())
            return;
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
            languages.apply(language);
            QTest::qWait(50);
            widget.grab().save(folder + QLatin1Char('/') + name + QLatin1Char('-') + language + QStringLiteral(".png"));
        }
        languages.apply(QStringLiteral("en"));
    }

    int rowNamed(const QString &name)
    {
        auto *model = child<QListView>(*window, "conversationList")->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(ConversationListModel::CustomerNameRole).toString() == name)
                return row;
        }
        return -1;
    }

    void open(const QString &name)
    {
        auto *list = child<QListView>(*window, "conversationList");
        ASSERT_TRUE(QTest::qWaitFor([&] { return rowNamed(name) >= 0; }, 3000)) << name.toStdString();
        list->setCurrentIndex(list->model()->index(rowNamed(name), 0));
    }

    LanguageController languages;
    WireLoop loop;
    QTemporaryDir media;
    std::unique_ptr<ShopServices> shop;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<Workspace> workspace;
};

} // namespace

TEST_F(IdentityOnTheDesktop, CtrlNWritesFirstToANumberTypedAsPeopleWriteIt)
{
    loop.sandbox->addCustomer(QStringLiteral("5215512345678"), QStringLiteral("Ximena Castillo"));
    bool checked = false;
    QTimer::singleShot(0, this->window.get(), [&] {
        auto *dialog = qobject_cast<NewConversationDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        auto *number = child<QLineEdit>(*dialog, "newConversationSearch");
        QTest::keyClicks(number, QStringLiteral("+52 55 1234 5678"));
        EXPECT_EQ(child<QLabel>(*dialog, "newConversationReading")->text(), QStringLiteral("Write to +52 55 1234 5678 (Mexico)."));
        picture(*dialog, QStringLiteral("new-conversation"));
        QTest::mouseClick(child<QPushButton>(*dialog, "openNewConversation"), Qt::LeftButton);
        checked = true;
    });
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
    ASSERT_TRUE(checked);

    // No window is open with her: the message box offers the approved templates.
    auto *picker = child<QComboBox>(*window, "templatePicker");
    ASSERT_TRUE(QTest::qWaitFor([&] { return picker->isVisible() && picker->count() > 0; }, 3000));
    picker->setCurrentIndex(picker->findData(QStringLiteral("pedido_listo/es")));
    QTest::keyClicks(child<QLineEdit>(*window, "templateParameter1"), QStringLiteral("Ximena"));
    QTest::keyClicks(child<QLineEdit>(*window, "templateParameter2"), QStringLiteral("1187"));
    QSignalSpy accepted(&shop->outbox(), &Outbox::messageAccepted);
    QTest::mouseClick(child<QPushButton>(*window, "sendTemplateButton"), Qt::LeftButton);
    ASSERT_TRUE(accepted.wait(5000));
    const QJsonObject sent = loop.sandbox->receivedSends().last();
    EXPECT_EQ(sent.value(QLatin1String("to")).toString(), QStringLiteral("5215512345678"));
    EXPECT_EQ(sent.value(QLatin1String("type")).toString(), QStringLiteral("template"));
    // The conversation is in the list, and her answer lands in it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return rowNamed(QStringLiteral("+52 55 1234 5678")) >= 0; }, 3000));
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("5215512345678"), QStringLiteral("¡Gracias! ¿Cuándo llega?")));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(), 1);
    picture(*window, QStringLiteral("new-conversation-sent"));
}

TEST_F(IdentityOnTheDesktop, AKnownCustomerIsFoundByNameInTheNewConversationWindow)
{
    loop.sandbox->addCustomer(QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez"));
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("573001112233"), QStringLiteral("Hola")));
    bool checked = false;
    QTimer::singleShot(0, this->window.get(), [&] {
        auto *dialog = qobject_cast<NewConversationDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        QTest::keyClicks(child<QLineEdit>(*dialog, "newConversationSearch"), QStringLiteral("lucia"));
        auto *matches = child<QListWidget>(*dialog, "newConversationMatches");
        ASSERT_EQ(matches->count(), 1);
        EXPECT_EQ(matches->item(0)->text(), QStringLiteral("Lucía Gómez — +57 300 1112233"));
        matches->setCurrentRow(0);
        QTest::mouseClick(child<QPushButton>(*dialog, "openNewConversation"), Qt::LeftButton);
        checked = true;
    });
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
    ASSERT_TRUE(checked);
    EXPECT_EQ(child<QLabel>(*window, "threadTitle")->text(), QStringLiteral("Lucía Gómez"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(), 1) << "the existing conversation, not a new one";
}

TEST_F(IdentityOnTheDesktop, ACustomerKnownOnlyByUserNameShowsIt)
{
    loop.sandbox->addCustomer(SandboxServer::Customer{QString(), QStringLiteral("Renata"), {}, QStringLiteral("CO.8842115509"),
                                                      QStringLiteral("renata.deco"), false});
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("CO.8842115509"), QStringLiteral("¿Hacen pedidos por mayor?")));
    open(QStringLiteral("Renata"));
    EXPECT_TRUE(child<QLabel>(*window, "threadDetails")->text().startsWith(QStringLiteral("@renata.deco")));
    const QString facts = child<QLabel>(*window, "customerFacts")->text();
    EXPECT_TRUE(facts.contains(QStringLiteral("WhatsApp user name: @renata.deco"))) << facts.toStdString();
    EXPECT_TRUE(facts.contains(QStringLiteral("No phone number"))) << facts.toStdString();
    EXPECT_TRUE(facts.contains(QStringLiteral("CO.8842115509")));
    picture(*window, QStringLiteral("customer-by-username"));
}

TEST_F(IdentityOnTheDesktop, TheCustomerPanelFollowsANumberChange)
{
    loop.sandbox->addCustomer(QStringLiteral("573205566778"), QStringLiteral("Camila Rojas"));
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("573205566778"), QStringLiteral("¿Hacen factura electrónica?")));
    open(QStringLiteral("Camila Rojas"));
    const quint64 before = loop.receiver->counters().accepted;
    loop.sandbox->customerChangesNumber(QStringLiteral("573205566778"), QStringLiteral("573209990011"));
    ASSERT_TRUE(loop.waitForBatches(before + 1));
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("573209990011"), QStringLiteral("Les escribo desde mi número nuevo")));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return child<QLabel>(*window, "customerFacts")->text().contains(QStringLiteral("+57 320 9990011"));
    }, 3000)) << child<QLabel>(*window, "customerFacts")->text().toStdString();
    picture(*window, QStringLiteral("customer-number-changed"));
}
