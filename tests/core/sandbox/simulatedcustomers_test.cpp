#include "sandbox/simulatedcustomers.h"

#include "api/downloadmediajob.h"
#include "api/messagepayloads.h"
#include "api/sendmessagejob.h"
#include "sandbox/sandboxshop.h"

#include "qtprinting.h"
#include "wireloop.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

TEST(SimulatedCustomers, PlayAShopsDayIntoTheStore)
{
    WireLoop loop;
    SimulatedCustomers customers(*loop.sandbox, 7);
    int total = 0;
    for (const auto &persona : SimulatedCustomers::defaultPersonas())
        total += int(persona.steps.size());
    while (customers.sendNext()) { }
    EXPECT_EQ(customers.sent(), total);
    ASSERT_TRUE(loop.waitForBatches(quint64(total), 10000));

    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'in'")).toInt(), total);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), SimulatedCustomers::defaultPersonas().size());
    EXPECT_GE(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE kind = 'image'")).toInt(), 3);
    EXPECT_GE(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE kind = 'location'")).toInt(), 2);
    EXPECT_GE(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE kind = 'button'")).toInt(), 1);
    // Someone came from an ad, and it shows on the customer.
    EXPECT_EQ(loop.value(QStringLiteral("SELECT arrival_headline FROM customers WHERE wa_id = '34622334455'")).toString(),
              QStringLiteral("Rebajas de textiles: 20 %"));
    // English speakers too.
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE body LIKE '%ship to the UK%'")).toInt(), 1);
    // The photos are real files the client can download and verify.
    const QString media = loop.value(QStringLiteral("SELECT media_id FROM messages WHERE kind = 'image' LIMIT 1")).toString();
    const QString sha = loop.value(QStringLiteral("SELECT media_sha256 FROM messages WHERE kind = 'image' LIMIT 1")).toString();
    DownloadMediaJob *download = await(loop.client->downloadMedia(media, sha, loop.store.directory() + QStringLiteral("/p.png")));
    EXPECT_TRUE(download->succeeded());
}

// The demo's customers shop: their carts become orders; sent one product, they ask about it (the
// product named in the message's context, as WhatsApp does); sent a list, they send a cart from it.
TEST(SimulatedCustomers, SendCartsAskAboutAProductAndBuyFromAList)
{
    WireLoop loop;
    SimulatedCustomers customers(*loop.sandbox, 7);
    while (customers.sendNext()) { }
    ASSERT_TRUE(QTest::qWaitFor([&] { return loop.value(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt() == 3; }, 10000));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE kind = 'order'")).toInt(), 3);
    EXPECT_GE(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE body LIKE '%pagué%' OR body LIKE '%transferencia%'")).toInt(), 2);

    const QString lucia = QStringLiteral("573001112233");
    const QString catalog = SandboxShop::catalogId();
    SendMessageJob *one = await(loop.client->sendMessage(MessagePayloads::product({lucia, {}, {}}, catalog, QStringLiteral("lampara-nube"))));
    ASSERT_TRUE(one->succeeded()) << one->error()->message.toStdString();
    const QString productWamid = one->messageId();
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE context_wamid = ?"), {productWamid}).toInt() == 1;
    }, 8000));
    const QJsonObject raw = QJsonDocument::fromJson(
        loop.value(QStringLiteral("SELECT raw_json FROM messages WHERE context_wamid = ?"), {productWamid}).toString().toUtf8()).object();
    EXPECT_EQ(raw.value(QStringLiteral("context")).toObject().value(QStringLiteral("referred_product")).toObject()
                  .value(QStringLiteral("product_retailer_id")).toString(), QStringLiteral("lampara-nube"));

    SendMessageJob *list = await(loop.client->sendMessage(MessagePayloads::productList(
        {lucia, {}, {}}, catalog, QStringLiteral("Cojines"), QStringLiteral("Los de hoy"),
        {{QString(), {QStringLiteral("cojin-mostaza"), QStringLiteral("set-cojines")}}})));
    ASSERT_TRUE(list->succeeded());
    ASSERT_TRUE(QTest::qWaitFor([&] { return loop.value(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt() == 4; }, 8000));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.note = 'Estos, por favor' "
                                        "AND l.retailer_id IN ('cojin-mostaza', 'set-cojines')")).toInt(), 2);

    // Meta refuses a product the catalog does not have, and says which.
    SendMessageJob *unknown = await(loop.client->sendMessage(MessagePayloads::product({lucia, {}, {}}, catalog, QStringLiteral("sku-inexistente"))));
    ASSERT_FALSE(unknown->succeeded());
    EXPECT_EQ(unknown->error()->code, 131009);
}
