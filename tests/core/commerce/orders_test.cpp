// Carts from WhatsApp become orders with their lines; orders move through stages with the
// conversation's labels; Meta's catalog is read page by page with its photos. Both backends,
// through the real wire (sandbox → signed webhook → receiver → store) where Meta is involved.
#include "commerce/catalogsync.h"
#include "qtprinting.h"
#include "sandbox/sandboxshop.h"
#include "commerce/catalogstore.h"
#include "inbox/labelstore.h"
#include "commerce/orderstore.h"
#include "webhook/webhookparser.h"
#include "wireloop.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QString kCustomer = QStringLiteral("573001112233");

class OrdersTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        loop = std::make_unique<WireLoop>(QDateTime(QDate(2026, 12, 1), QTime(15, 0), Qt::UTC), 20, GetParam());
        if (!loop->isAvailable())
            GTEST_SKIP() << qPrintable(loop->skipReason());
        loop->sandbox->addCustomer(kCustomer, QStringLiteral("Lucía Gómez"));
    }

    // The customer sends this `order` object; returns once it is stored.
    void customerSendsCart(const QJsonObject &order)
    {
        const quint64 before = loop->receiver->counters().accepted;
        loop->sandbox->customerSends(kCustomer, QStringLiteral("order"), order);
        ASSERT_TRUE(loop->waitForBatches(before + 1));
    }

    std::optional<Order> latestOrder()
    {
        StoreError error;
        const QList<Order> all = OrderStore(*loop->database).orders({}, &error);
        EXPECT_FALSE(error.isError()) << error.detail.toStdString();
        return all.isEmpty() ? std::nullopt : std::optional(all.first());
    }

    void readCatalog()
    {
        CatalogSync sync(*loop->client, *loop->database, photos.path());
        QSignalSpy finished(&sync, &CatalogSync::finished);
        sync.refresh();
        ASSERT_TRUE(finished.wait(10000));
        EXPECT_EQ(finished.first().at(1).toString(), QString());
        readProducts = finished.first().at(0).toInt();
        EXPECT_EQ(finished.size(), 1);
    }

    std::unique_ptr<WireLoop> loop;
    QTemporaryDir photos;
    int readProducts = 0;
};

QJsonObject item(const QString &id, const QJsonValue &quantity, const QJsonValue &price, const QString &currency)
{
    return {{QStringLiteral("product_retailer_id"), id}, {QStringLiteral("quantity"), quantity},
            {QStringLiteral("item_price"), price}, {QStringLiteral("currency"), currency}};
}

} // namespace

TEST(OrderWebhook, OneItemManyItemsANoteAndNumbersWrittenAsText)
{
    // The shape of Meta's reference for an `order` message (quantity and price as numbers), and one
    // as seen in the wild with both as strings.
    const QByteArray body = R"({"object":"whatsapp_business_account","entry":[{"id":"100200300400500","changes":[{"field":"messages",
      "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"576017654321","phone_number_id":"106540352242922"},
      "contacts":[{"profile":{"name":"Lucía Gómez"},"wa_id":"573001112233"}],
      "messages":[
        {"from":"573001112233","id":"wamid.order.one","timestamp":"1764601200","type":"order",
         "order":{"catalog_id":"1789012345678901","product_items":[{"product_retailer_id":"lampara-nube","quantity":1,"item_price":189000,"currency":"COP"}]}},
        {"from":"573001112233","id":"wamid.order.many","timestamp":"1764601260","type":"order",
         "order":{"catalog_id":"1789012345678901","text":"Para regalo, ¿lo envuelven?","product_items":[
           {"product_retailer_id":"cojin-mostaza","quantity":"2","item_price":"59000","currency":"COP"},
           {"product_retailer_id":"vela-soja","quantity":3,"item_price":12.5,"currency":"eur"}]}}]}}]}]})";
    const WebhookParser::Result parsed = WebhookParser::parse(body);
    ASSERT_EQ(parsed.batch.messages.size(), 2);
    const WireMessage &one = parsed.batch.messages.at(0);
    EXPECT_EQ(one.kind, MessageKind::Order);
    EXPECT_EQ(one.catalogId, QStringLiteral("1789012345678901"));
    ASSERT_EQ(one.orderLines.size(), 1);
    EXPECT_EQ(one.orderLines.first().retailerId, QStringLiteral("lampara-nube"));
    EXPECT_EQ(one.orderLines.first().quantity, 1);
    EXPECT_EQ(one.orderLines.first().unitCents, 18900000);
    EXPECT_EQ(one.text, QString());
    const WireMessage &many = parsed.batch.messages.at(1);
    ASSERT_EQ(many.orderLines.size(), 2);
    EXPECT_EQ(many.text, QStringLiteral("Para regalo, ¿lo envuelven?"));
    EXPECT_EQ(many.orderLines.at(0).quantity, 2);
    EXPECT_EQ(many.orderLines.at(0).unitCents, 5900000);
    EXPECT_EQ(many.orderLines.at(1).unitCents, 1250);
    EXPECT_EQ(many.orderLines.at(1).currency, QStringLiteral("EUR"));
    EXPECT_EQ(many.orderLines.at(1).lineCents(), 3750);
}

TEST(OrderWebhook, MoneyIsShownWithTheDecimalsPeopleUse)
{
    EXPECT_EQ(Money::format(18900000, QStringLiteral("COP"), QLocale(QLocale::Spanish, QLocale::Colombia)), QStringLiteral("189.000\u00a0COP"));
    EXPECT_EQ(Money::format(1250, QStringLiteral("EUR"), QLocale(QLocale::Spanish, QLocale::Spain)), QStringLiteral("12,50\u00a0EUR"));
    EXPECT_EQ(Money::format(123456, QStringLiteral("USD"), QLocale(QLocale::English, QLocale::UnitedStates)), QStringLiteral("1,234.56\u00a0USD"));
    EXPECT_EQ(Money::feedText(18900000, QStringLiteral("cop")), QStringLiteral("189000.00 COP"));
}

TEST_P(OrdersTest, ACartBecomesAnOrderWithNamesPhotosLineTotalsAndItsNote)
{
    readCatalog();
    ASSERT_FALSE(HasFailure());
    customerSendsCart(SandboxShop::cart({{QStringLiteral("lampara-nube"), 1}, {QStringLiteral("cojin-mostaza"), 2}},
                                        QStringLiteral("¿Me lo pueden enviar el viernes?")));
    const std::optional<Order> order = latestOrder();
    ASSERT_TRUE(order);
    EXPECT_EQ(order->customerName, QStringLiteral("Lucía Gómez"));
    EXPECT_EQ(order->stage, OrderStage::New);
    EXPECT_EQ(order->currency, QStringLiteral("COP"));
    EXPECT_EQ(order->totalCents, (189000 + 2 * 59000) * 100LL);
    EXPECT_EQ(order->note, QStringLiteral("¿Me lo pueden enviar el viernes?"));
    EXPECT_GT(order->messageId, 0);
    ASSERT_EQ(order->lines.size(), 2);
    EXPECT_EQ(order->lines.at(0).name, QStringLiteral("Lámpara Nube"));
    EXPECT_TRUE(QFile::exists(order->lines.at(0).imagePath)) << order->lines.at(0).imagePath.toStdString();
    EXPECT_EQ(order->lines.at(1).name, QStringLiteral("Cojín mostaza"));
    EXPECT_EQ(order->lines.at(1).lineCents(), 2 * 5900000);
    EXPECT_EQ(Money::format(order->totalCents, order->currency, QLocale(QLocale::Spanish, QLocale::Colombia)), QStringLiteral("307.000\u00a0COP"));

    // Meta delivers the same webhook again: still one order.
    StoreError error;
    EXPECT_EQ(OrderStore(*loop->database).orderForMessage(order->messageId, &error)->id, order->id);
    EXPECT_EQ(loop->value(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(), 1);
}

TEST_P(OrdersTest, AProductTheCatalogDoesNotKnowIsKeptWithItsIdAndPrice)
{
    QJsonObject cart = SandboxShop::cart({{QStringLiteral("lampara-nube"), 1}});
    cart.insert(QStringLiteral("product_items"),
                QJsonArray{item(QStringLiteral("sku-retirado-77"), 2, 15000, QStringLiteral("COP"))});
    customerSendsCart(cart);
    const std::optional<Order> order = latestOrder();
    ASSERT_TRUE(order);
    ASSERT_EQ(order->lines.size(), 1);
    EXPECT_EQ(order->lines.first().retailerId, QStringLiteral("sku-retirado-77"));
    EXPECT_EQ(order->lines.first().name, QString()); // the card says it is not in the catalog
    EXPECT_EQ(order->totalCents, 3000000);
    EXPECT_EQ(Money::format(order->totalCents, order->currency, QLocale(QLocale::English)), QStringLiteral("30,000\u00a0COP"));
}

TEST_P(OrdersTest, StagesMoveTheConversationsLabelsAndALabelMovesTheStage)
{
    LabelStore labels(*loop->database);
    ASSERT_FALSE(labels.seedIfEmpty({{QStringLiteral("Pedido nuevo"), QStringLiteral("#3b82c4"), OrderStage::New},
                                     {QStringLiteral("Pendiente de pago"), QStringLiteral("#e0a800"), OrderStage::PendingPayment},
                                     {QStringLiteral("Pagado"), QStringLiteral("#1fa67a"), OrderStage::Paid},
                                     {QStringLiteral("Enviado"), QStringLiteral("#8e5bb5"), OrderStage::Shipped},
                                     {QStringLiteral("Seguimiento"), QStringLiteral("#c03e5a"), std::nullopt}})
                     .isError());
    StoreError error;
    QHash<QString, qint64> labelIds;
    for (const Label &label : labels.labels(&error))
        labelIds.insert(label.name, label.id);
    const auto labelNames = [&](qint64 conversation) {
        QStringList names;
        const QSet<qint64> on = labels.labelsOf(conversation, &error);
        for (auto it = labelIds.cbegin(); it != labelIds.cend(); ++it) {
            if (on.contains(it.value()))
                names << it.key();
        }
        names.sort();
        return names;
    };

    customerSendsCart(SandboxShop::cart({{QStringLiteral("manta-lana"), 1}}));
    const Order order = *latestOrder();
    EXPECT_EQ(labelNames(order.conversationId), QStringList{QStringLiteral("Pedido nuevo")});
    ASSERT_FALSE(labels.setLabel(order.conversationId, labelIds.value(QStringLiteral("Seguimiento")), true).isError());

    OrderStore orders(*loop->database);
    const QDateTime paidAt(QDate(2026, 12, 1), QTime(16, 0), Qt::UTC);
    ASSERT_FALSE(orders.setStage(order.id, OrderStage::PendingPayment, paidAt.addSecs(-600)).isError());
    ASSERT_FALSE(orders.setStage(order.id, OrderStage::Paid, paidAt).isError());
    EXPECT_EQ(orders.order(order.id, &error)->stage, OrderStage::Paid);
    EXPECT_EQ(orders.order(order.id, &error)->stageAt, paidAt);
    EXPECT_EQ(labelNames(order.conversationId), (QStringList{QStringLiteral("Pagado"), QStringLiteral("Seguimiento")}));

    ASSERT_FALSE(orders.setStage(order.id, OrderStage::Shipped, paidAt.addDays(1), QStringLiteral("SERVI-7781204")).isError());
    EXPECT_EQ(orders.order(order.id, &error)->tracking, QStringLiteral("SERVI-7781204"));
    EXPECT_EQ(labelNames(order.conversationId), (QStringList{QStringLiteral("Enviado"), QStringLiteral("Seguimiento")}));

    // The shop puts "Pendiente de pago" on the conversation, as it always did: the order follows.
    ASSERT_FALSE(labels.setLabel(order.conversationId, labelIds.value(QStringLiteral("Pendiente de pago")), true).isError());
    EXPECT_EQ(orders.order(order.id, &error)->stage, OrderStage::PendingPayment);
    EXPECT_EQ(labelNames(order.conversationId), (QStringList{QStringLiteral("Pendiente de pago"), QStringLiteral("Seguimiento")}));

    // Delivered: no stage label is left; the order keeps its tracking number.
    ASSERT_FALSE(orders.setStage(order.id, OrderStage::Delivered, paidAt.addDays(3)).isError());
    EXPECT_EQ(labelNames(order.conversationId), QStringList{QStringLiteral("Seguimiento")});
    EXPECT_EQ(orders.order(order.id, &error)->tracking, QStringLiteral("SERVI-7781204"));

    OrderFilter delivered;
    delivered.stage = OrderStage::Delivered;
    EXPECT_EQ(orders.orders(delivered, &error).size(), 1);
    delivered.stage = OrderStage::New;
    EXPECT_EQ(orders.orders(delivered, &error).size(), 0);
    EXPECT_FALSE(error.isError()) << error.detail.toStdString();
}

TEST_P(OrdersTest, AnOrderMadeByHandAndTheCustomersOrders)
{
    readCatalog();
    ASSERT_FALSE(HasFailure());
    customerSendsCart(SandboxShop::cart({{QStringLiteral("taza-gres"), 4}}));
    const Order fromCart = *latestOrder();
    OrderStore orders(*loop->database);
    StoreError error;
    OrderLine vase;
    vase.retailerId = QStringLiteral("jarron-ceramica");
    vase.quantity = 1;
    vase.unitCents = 7800000;
    vase.currency = QStringLiteral("COP");
    const auto byHand = orders.addByHand(fromCart.conversationId, {vase}, QStringLiteral("Recoge en tienda"),
                                         QDateTime(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC), &error);
    ASSERT_TRUE(byHand) << error.detail.toStdString();
    const QList<Order> mine = orders.ordersOf(fromCart.customerId, &error);
    ASSERT_EQ(mine.size(), 2);
    EXPECT_EQ(mine.first().id, *byHand); // newest first
    EXPECT_EQ(mine.first().messageId, 0);
    EXPECT_EQ(mine.first().lines.first().name, QStringLiteral("Jarrón de cerámica"));
    EXPECT_EQ(mine.last().totalCents, 4 * 3200000);
    EXPECT_EQ(orders.currentOrder(fromCart.conversationId, &error)->id, *byHand);
}

TEST_P(OrdersTest, MetasCatalogIsReadPageByPageWithItsPhotos)
{
    readCatalog();
    ASSERT_FALSE(HasFailure());
    // Nine products, four to a page: three pages.
    EXPECT_EQ(readProducts, int(SandboxShop::items().size()));
    StoreError error;
    CatalogStore catalog(*loop->database);
    const QList<Product> products = catalog.products(&error);
    ASSERT_EQ(products.size(), SandboxShop::items().size());
    EXPECT_EQ(catalog.metaCatalogId(&error), SandboxShop::catalogId());
    EXPECT_EQ(products.first().name, QStringLiteral("Lámpara Nube"));
    EXPECT_EQ(products.first().priceCents, 18900000);
    EXPECT_EQ(products.first().currency, QStringLiteral("COP"));
    int withPhoto = 0;
    for (const Product &product : products)
        withPhoto += QFile::exists(product.imagePath) ? 1 : 0;
    EXPECT_EQ(withPhoto, int(products.size()) - 1); // the curtain has no photo
    EXPECT_FALSE(products.last().inStock());

    // Found however it is typed.
    EXPECT_EQ(catalog.search(QStringLiteral("LAMPARA"), 10, &error).size(), 1);
    EXPECT_EQ(catalog.search(QStringLiteral("cojín"), 10, &error).size(), 2);
    EXPECT_EQ(catalog.search(QStringLiteral("jarron ceramica"), 10, &error).first().retailerId, QStringLiteral("jarron-ceramica"));
    EXPECT_FALSE(error.isError()) << error.detail.toStdString();

    // Read again: the same products, the photos not fetched twice, a removed product gone.
    const QString photo = products.first().imagePath;
    readCatalog();
    EXPECT_EQ(catalog.products(&error).first().imagePath, photo);
    EXPECT_EQ(catalog.products(&error).size(), SandboxShop::items().size());
}

INSTANTIATE_TEST_SUITE_P(Backends, OrdersTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
