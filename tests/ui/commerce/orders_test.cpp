// Selling in the chat on the real windows: a cart's card in the thread and the stage chosen from
// it, the customer's orders in their panel, products sent from the composer, an order written by
// hand, and Shop ▸ Orders — with the sandbox's catalog read through a real client.
#include "../../app/desktop/workspacetest.h"
#include "commerce/catalogsync.h"
#include "commerce/productpicker.h"
#include "commerce/customerorders.h"
#include "commerce/neworderdialog.h"
#include "commerce/ordersdialog.h"
#include "sandbox/sandboxshop.h"
#include "shoporders.h"
#include "commerce/orderstore.h"
#include "automation/quickreplystore.h"

#include <QApplication>
#include <QInputDialog>
#include <QJsonArray>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

class OrdersWindows : public WorkspaceTest
{
protected:
    void SetUp() override
    {
        WorkspaceTest::SetUp();
        orders = std::make_unique<ShopOrders>(*shop, *window, *workspace);
        QSignalSpy read(&shop->catalog(), &CatalogSync::finished);
        shop->catalog().refresh();
        ASSERT_TRUE(read.wait(10000));
        ASSERT_EQ(read.first().at(1).toString(), QString());
    }

    qint64 conversation()
    {
        return loop.value(QStringLiteral("SELECT v.id FROM conversations v JOIN customers c ON c.id = v.customer_id WHERE c.wa_id = ?"),
                          {kCustomer}).toLongLong();
    }

    void sendCart(const QList<std::pair<QString, int>> &lines, const QString &note = {})
    {
        const quint64 before = loop.receiver->counters().accepted;
        loop.sandbox->customerSends(kCustomer, QStringLiteral("order"), SandboxShop::cart(lines, note));
        ASSERT_TRUE(loop.waitForBatches(before + 1));
        QCoreApplication::processEvents();
    }

    int cardRow()
    {
        for (int row = 0; row < messages()->rowCount(); ++row) {
            if (messages()->index(row).data(MessageListModel::OrderRole).isValid())
                return row;
        }
        return -1;
    }

    // Chooses `action` in the next menu that pops up.
    static void chooseInNextMenu(const char *action)
    {
        QTimer::singleShot(300, [action] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            ASSERT_NE(menu, nullptr);
            QAction *chosen = menu->findChild<QAction *>(QLatin1String(action));
            ASSERT_NE(chosen, nullptr) << action;
            chosen->trigger();
            menu->close();
        });
    }

    template<typename T>
    static T *openDialog(const char *name)
    {
        T *found = nullptr;
        EXPECT_TRUE(QTest::qWaitFor([&] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (widget->objectName() == QLatin1String(name) && widget->isVisible())
                    found = qobject_cast<T *>(widget);
            }
            return found != nullptr;
        }, 3000));
        return found;
    }

    // The interactive messages the sandbox received since `from` (automatic replies are text).
    QList<QJsonObject> interactiveSince(qsizetype from) const
    {
        QList<QJsonObject> found;
        const QList<QJsonObject> &sends = loop.sandbox->receivedSends();
        for (qsizetype i = from; i < sends.size(); ++i) {
            if (sends.at(i).value(QStringLiteral("type")).toString() == QLatin1String("interactive"))
                found << sends.at(i).value(QStringLiteral("interactive")).toObject();
        }
        return found;
    }

    std::unique_ptr<ShopOrders> orders;
};

} // namespace

TEST_F(OrdersWindows, ACartShowsAsACardWhoseMenuMovesTheStageAndThePanelFollows)
{
    sendCart({{QStringLiteral("lampara-nube"), 1}, {QStringLiteral("cojin-mostaza"), 2}}, QStringLiteral("Para regalo"));
    workspace->bringToFront(conversation());
    const int row = cardRow();
    ASSERT_GE(row, 0);
    const QModelIndex card = messages()->index(row);
    const Order order = card.data(MessageListModel::OrderRole).value<Order>();
    EXPECT_EQ(order.lines.size(), 2);
    EXPECT_EQ(order.totalCents, 30700000);

    auto *list = find<QListView>("messageList");
    list->scrollTo(card);
    const QRect rect = list->visualRect(card);
    EXPECT_GT(rect.height(), 200) << "the card shows every line, the total and the note";
    // The card as painted: its lines, prices and total are on screen.
    const QImage shot = list->viewport()->grab(rect).toImage();
    EXPECT_FALSE(shot.isNull());

    chooseInNextMenu("stage_paid");
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center() + QPoint(-rect.width() / 2 + 200, 0));
    ASSERT_TRUE(QTest::qWaitFor([&] {
        StoreError error;
        return OrderStore(*loop.database).order(order.id, &error)->stage == OrderStage::Paid;
    }, 3000));

    QTest::qWait(50);
    auto *panelList = find<QListWidget>("customerOrderList");
    ASSERT_EQ(panelList->count(), 1);
    EXPECT_TRUE(panelList->item(0)->text().contains(QLatin1String("Paid"))) << panelList->item(0)->text().toStdString();
    EXPECT_TRUE(find<QLabel>("customerSpent")->text().contains(QLatin1String("307,000"))) << find<QLabel>("customerSpent")->text().toStdString();
    // The card says the new stage too.
    EXPECT_EQ(messages()->index(cardRow()).data(MessageListModel::OrderRole).value<Order>().stage, OrderStage::Paid);

    // From the keyboard: Ctrl+Shift+O, then 4 for Shipped… (the menu's own mnemonic).
    chooseInNextMenu("stage_shipped");
    QTest::keyClick(window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        StoreError error;
        return OrderStore(*loop.database).order(order.id, &error)->stage == OrderStage::Shipped;
    }, 3000));
}

TEST_F(OrdersWindows, PaymentDetailsThenShippingWithATrackingNumberFromTheCard)
{
    QuickReply details;
    details.shortcut = QStringLiteral("pago");
    details.title = QStringLiteral("Datos de pago");
    details.body = QStringLiteral("Nequi 300 000 0000 a nombre de Casa Nube");
    StoreError error;
    ASSERT_TRUE(QuickReplyStore(*loop.database).save(details, &error));
    sendCart({{QStringLiteral("manta-lana"), 1}});
    workspace->bringToFront(conversation());
    const Order order = messages()->index(cardRow()).data(MessageListModel::OrderRole).value<Order>();
    auto *list = find<QListView>("messageList");
    const QRect rect = list->visualRect(messages()->index(cardRow()));
    const QPoint onCard = rect.topLeft() + QPoint(14 + 100, rect.height() / 2);

    chooseInNextMenu("sendPaymentDetails");
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, onCard);
    ASSERT_TRUE(QTest::qWaitFor([&] { return find<QPlainTextEdit>("composerText")->toPlainText().contains(QLatin1String("Nequi")); }, 3000));
    EXPECT_EQ(OrderStore(*loop.database).order(order.id, &error)->stage, OrderStage::PendingPayment);

    find<QPlainTextEdit>("composerText")->clear();
    chooseInNextMenu("markShipped");
    QTimer::singleShot(800, [] {
        auto *ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(ask, nullptr);
        ask->setTextValue(QStringLiteral("SERVI-7781204"));
        ask->accept();
    });
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, onCard);
    ASSERT_TRUE(QTest::qWaitFor([&] { return OrderStore(*loop.database).order(order.id, &error)->stage == OrderStage::Shipped; }, 3000));
    EXPECT_EQ(OrderStore(*loop.database).order(order.id, &error)->tracking, QStringLiteral("SERVI-7781204"));
    // The customer's window is open: the message waits in the box for the shop to send.
    EXPECT_TRUE(find<QPlainTextEdit>("composerText")->toPlainText().contains(QLatin1String("SERVI-7781204")))
        << find<QPlainTextEdit>("composerText")->toPlainText().toStdString();

    // A day later the window has closed: shipping sends the approved template instead.
    find<QPlainTextEdit>("composerText")->clear();
    loop.clock.advance(25 * 3600);
    workspace->evaluateWindows();
    const qsizetype before = loop.sandbox->receivedSends().size();
    chooseInNextMenu("markShipped");
    QTimer::singleShot(800, [] {
        auto *ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(ask, nullptr);
        ask->setTextValue(QStringLiteral("SERVI-7790051"));
        ask->accept();
    });
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, onCard);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const QList<QJsonObject> &sends = loop.sandbox->receivedSends();
        return sends.size() > before && sends.last().value(QStringLiteral("type")).toString() == QLatin1String("template");
    }, 5000));
    const QJsonObject shipped = loop.sandbox->receivedSends().last().value(QStringLiteral("template")).toObject();
    EXPECT_EQ(shipped.value(QStringLiteral("name")).toString(), QStringLiteral("pedido_enviado"));
    const QJsonArray values = shipped.value(QStringLiteral("components")).toArray().first().toObject().value(QStringLiteral("parameters")).toArray();
    ASSERT_EQ(values.size(), 3);
    EXPECT_EQ(values.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("Lucía"));
    EXPECT_EQ(values.at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("#%1").arg(order.id));
    EXPECT_EQ(values.at(2).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("SERVI-7790051"));
}

TEST_F(OrdersWindows, ProductsFromTheComposerGoAsOneProductAListOrTheWholeCatalog)
{
    customerWrites(QStringLiteral("Hola, ¿qué cojines tienen?"));
    workspace->bringToFront(conversation());
    auto *text = find<QPlainTextEdit>("composerText");
    text->setFocus();
    QTest::keyClicks(text, QStringLiteral("#cojin"));
    QTest::keyClick(text, Qt::Key_Return);
    auto *picker = openDialog<ProductPicker>("productPicker");
    ASSERT_NE(picker, nullptr);
    auto *found = child<QListWidget>(*picker, "productList");
    ASSERT_EQ(found->count(), 2); // "cojin" finds both "Cojín" products
    found->item(0)->setCheckState(Qt::Checked);
    found->item(1)->setCheckState(Qt::Checked);
    EXPECT_TRUE(child<QLabel>(*picker, "productCount")->text().contains(QLatin1String("2 chosen")));
    const qsizetype before = loop.sandbox->receivedSends().size();
    child<QPushButton>(*picker, "sendProducts")->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return interactiveSince(before).size() == 1; }, 5000));
    const QJsonObject list = interactiveSince(before).last();
    EXPECT_EQ(list.value(QStringLiteral("type")).toString(), QStringLiteral("product_list"));
    const QJsonArray items = list.value(QStringLiteral("action")).toObject().value(QStringLiteral("sections")).toArray().first().toObject()
                                 .value(QStringLiteral("product_items")).toArray();
    ASSERT_EQ(items.size(), 2);
    EXPECT_EQ(items.at(0).toObject().value(QStringLiteral("product_retailer_id")).toString(), QStringLiteral("cojin-mostaza"));

    // The Products button, one product found without its accent, Enter.
    child<QPushButton>(*window, "productsButton")->click();
    picker = openDialog<ProductPicker>("productPicker");
    ASSERT_NE(picker, nullptr);
    QTest::keyClicks(child<QLineEdit>(*picker, "productSearch"), QStringLiteral("LAMPARA"));
    QTest::keyClick(child<QLineEdit>(*picker, "productSearch"), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return interactiveSince(before).size() == 2; }, 5000));
    const QJsonObject one = interactiveSince(before).last();
    EXPECT_EQ(one.value(QStringLiteral("type")).toString(), QStringLiteral("product"));
    EXPECT_EQ(one.value(QStringLiteral("action")).toObject().value(QStringLiteral("product_retailer_id")).toString(), QStringLiteral("lampara-nube"));
    QTest::qWait(100);
    EXPECT_EQ(messages()->index(messages()->rowCount() - 1).data(MessageListModel::TextRole).toString(),
              QStringLiteral("Product: Lámpara Nube — 189,000\u00a0COP"));

    child<QPushButton>(*window, "productsButton")->click();
    picker = openDialog<ProductPicker>("productPicker");
    child<QPushButton>(*picker, "sendCatalog")->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return interactiveSince(before).size() == 3; }, 5000));
    EXPECT_EQ(interactiveSince(before).last().value(QStringLiteral("type")).toString(), QStringLiteral("catalog_message"));
}

TEST_F(OrdersWindows, AnOrderWrittenByHandAndTheOrdersWindowByStage)
{
    customerWrites(QStringLiteral("Quiero dos lámparas, por favor"));
    workspace->bringToFront(conversation());
    find<QPushButton>("newOrderButton")->click();
    auto *dialog = openDialog<NewOrderDialog>("newOrderDialog");
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(child<QLineEdit>(*dialog, "newOrderSearch"), QStringLiteral("lampara"));
    QTest::keyClick(child<QLineEdit>(*dialog, "newOrderSearch"), Qt::Key_Return);
    child<QSpinBox>(*dialog, "quantity0")->setValue(2);
    EXPECT_TRUE(child<QLabel>(*dialog, "newOrderTotal")->text().contains(QLatin1String("378,000")));
    child<QPushButton>(*dialog, "createOrder")->click();
    StoreError error;
    ASSERT_TRUE(QTest::qWaitFor([&] { return !OrderStore(*loop.database).orders({}, &error).isEmpty(); }, 3000));
    const Order byHand = OrderStore(*loop.database).orders({}, &error).first();
    EXPECT_EQ(byHand.lines.first().quantity, 2);
    EXPECT_EQ(byHand.messageId, 0);
    QTest::qWait(50);
    EXPECT_EQ(find<QListWidget>("customerOrderList")->count(), 1);

    sendCart({{QStringLiteral("manta-lana"), 1}});
    ASSERT_FALSE(OrderStore(*loop.database).setStage(byHand.id, OrderStage::Paid, QDateTime::currentDateTimeUtc()).isError());
    auto *all = qobject_cast<OrdersDialog *>(orders->showOrders());
    ASSERT_NE(all, nullptr);
    auto *table = child<QTableWidget>(*all, "ordersTable");
    EXPECT_EQ(table->rowCount(), 2);
    const QString totals = child<QLabel>(*all, "orderTotals")->text();
    EXPECT_TRUE(totals.contains(QStringLiteral("New: 1 · 145,000\u00a0COP"))) << totals.toStdString();
    EXPECT_TRUE(totals.contains(QStringLiteral("Paid: 1 · 378,000\u00a0COP"))) << totals.toStdString();
    auto *stage = child<QComboBox>(*all, "orderStageFilter");
    stage->setCurrentIndex(stage->findData(int(OrderStage::Paid)));
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 5)->text(), QStringLiteral("Paid"));
    EXPECT_TRUE(table->item(0, 3)->text().contains(QStringLiteral("2 × Lámpara Nube")));
}
