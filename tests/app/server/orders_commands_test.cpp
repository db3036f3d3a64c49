// `mostrador-server orders` and the export's order items, as a shop's server runs them: real
// processes on a real SQLite file holding carts that came by webhook.
#include "processrunner.h"
#include "sandbox/sandboxshop.h"
#include "sandbox/webhookpayloads.h"
#include "commerce/catalogstore.h"
#include "db/database.h"
#include "commerce/orderstore.h"
#include "webhook/webhookingestor.h"
#include "webhook/webhookparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const WebhookPayloads::Business kBusiness{QStringLiteral("100200300400500"), QStringLiteral("106540352242922"), QStringLiteral("576017654321")};

void storeCart(WebhookIngestor &ingestor, const QString &wamid, const WebhookPayloads::Sender &from, const QJsonObject &cart,
               const QDateTime &at)
{
    const QJsonObject body = WebhookPayloads::envelope(kBusiness, {from}, {WebhookPayloads::message(wamid, from, at, QStringLiteral("order"), cart)});
    const WebhookParser::Result parsed = WebhookParser::parse(QJsonDocument(body).toJson());
    ASSERT_FALSE(ingestor.ingest(parsed.batch).error.isError());
}

} // namespace

TEST(OrdersCommand, PrintsTheOrdersAsCsvAndJsonLinesAndTheExportCarriesTheItems)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    {
        StoreError error;
        auto database = Database::open(StoreLocation::parse(db), &error);
        ASSERT_NE(database, nullptr);
        // The shop's own list knows two of the three products; the blanket is not in it.
        CatalogStore catalog(*database);
        for (const QString &id : {QStringLiteral("lampara-nube"), QStringLiteral("cojin-mostaza")}) {
            Product product;
            product.retailerId = id;
            product.name = SandboxShop::find(id)->name;
            product.priceCents = SandboxShop::find(id)->price * 100;
            product.currency = QStringLiteral("COP");
            ASSERT_TRUE(catalog.saveLocal(product, QDateTime::currentDateTimeUtc(), &error));
        }
        WebhookIngestor ingestor(*database);
        storeCart(ingestor, QStringLiteral("wamid.cart.1"), {QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez")},
                  SandboxShop::cart({{QStringLiteral("lampara-nube"), 1}, {QStringLiteral("cojin-mostaza"), 2}}, QStringLiteral("Envío el viernes, por favor")),
                  QDateTime(QDate(2026, 11, 30), QTime(18, 0), Qt::UTC));
        storeCart(ingestor, QStringLiteral("wamid.cart.2"), {QStringLiteral("34611223344"), QStringLiteral("Javier Martín")},
                  SandboxShop::cart({{QStringLiteral("manta-lana"), 1}}), QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
        OrderStore orders(*database);
        const QList<Order> all = orders.orders({}, &error);
        ASSERT_EQ(all.size(), 2);
        ASSERT_FALSE(orders.setStage(all.last().id, OrderStage::Shipped, QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC),
                                     QStringLiteral("SERVI-7781204")).isError());
    }

    const auto csv = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("orders"), QStringLiteral("--db"), db});
    ASSERT_EQ(csv.exitCode, 0) << csv.standardError.constData();
    const QList<QByteArray> rows = csv.standardOutput.split('\n');
    EXPECT_TRUE(rows.first().startsWith("\xEF\xBB\xBF" "order,created_at,customer,customer_wa_id,stage,stage_at,items,total,currency,note,tracking,source"))
        << rows.first().constData();
    EXPECT_TRUE(rows.at(1).contains(",Javier Martín,34611223344,new,")) << rows.at(1).constData();
    EXPECT_TRUE(rows.at(1).contains("1 ×  [manta-lana] @ 145000.00,145000.00,COP")) << rows.at(1).constData(); // not in the list: its id
    EXPECT_TRUE(rows.at(2).contains("shipped")) << rows.at(2).constData();
    EXPECT_TRUE(rows.at(2).contains("1 × Lámpara Nube [lampara-nube] @ 189000.00; 2 × Cojín mostaza [cojin-mostaza] @ 59000.00,307000.00,COP"))
        << rows.at(2).constData();
    EXPECT_TRUE(rows.at(2).contains("\"Envío el viernes, por favor\",SERVI-7781204,cart")) << rows.at(2).constData();
    EXPECT_TRUE(csv.standardError.contains("2 order")) << csv.standardError.constData();

    const auto jsonl = runExecutable(QStringLiteral("mostrador-server"),
                                     {QStringLiteral("orders"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("jsonl"),
                                      QStringLiteral("--stage"), QStringLiteral("shipped")});
    ASSERT_EQ(jsonl.exitCode, 0) << jsonl.standardError.constData();
    const QList<QByteArray> lines = jsonl.standardOutput.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 1);
    const QJsonObject shipped = QJsonDocument::fromJson(lines.first()).object();
    EXPECT_EQ(shipped.value(QStringLiteral("customer")).toString(), QStringLiteral("Lucía Gómez"));
    EXPECT_EQ(shipped.value(QStringLiteral("total")).toDouble(), 307000.0);
    EXPECT_EQ(shipped.value(QStringLiteral("tracking")).toString(), QStringLiteral("SERVI-7781204"));
    const QJsonArray items = shipped.value(QStringLiteral("items")).toArray();
    ASSERT_EQ(items.size(), 2);
    EXPECT_EQ(items.at(1).toObject().value(QStringLiteral("quantity")).toInt(), 2);
    EXPECT_EQ(items.at(1).toObject().value(QStringLiteral("line_total")).toDouble(), 118000.0);

    const auto wrongStage = runExecutable(QStringLiteral("mostrador-server"),
                                          {QStringLiteral("orders"), QStringLiteral("--db"), db, QStringLiteral("--stage"), QStringLiteral("paid-ish")});
    EXPECT_EQ(wrongStage.exitCode, 2);
    EXPECT_TRUE(wrongStage.standardError.contains("--stage must be new, pending_payment, paid, shipped, delivered or cancelled"))
        << wrongStage.standardError.constData();

    const auto exported = runExecutable(QStringLiteral("mostrador-server"),
                                        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("jsonl")});
    ASSERT_EQ(exported.exitCode, 0) << exported.standardError.constData();
    const QJsonObject first = QJsonDocument::fromJson(exported.standardOutput.split('\n').first()).object();
    EXPECT_EQ(first.value(QStringLiteral("type")).toString(), QStringLiteral("order"));
    EXPECT_EQ(first.value(QStringLiteral("text")).toString(), QStringLiteral("Envío el viernes, por favor"));
    EXPECT_EQ(first.value(QStringLiteral("order_total")).toString(), QStringLiteral("307000.00 COP"));
    const QJsonArray exportedItems = first.value(QStringLiteral("order_items")).toArray();
    ASSERT_EQ(exportedItems.size(), 2);
    EXPECT_EQ(exportedItems.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Lámpara Nube"));
    EXPECT_EQ(exportedItems.at(0).toObject().value(QStringLiteral("retailer_id")).toString(), QStringLiteral("lampara-nube"));
    EXPECT_EQ(exportedItems.at(0).toObject().value(QStringLiteral("unit_price")).toDouble(), 189000.0);

    const auto exportedCsv = runExecutable(QStringLiteral("mostrador-server"),
                                           {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv")});
    EXPECT_TRUE(exportedCsv.standardOutput.contains(",order_items,order_total\r\n"));
    EXPECT_TRUE(exportedCsv.standardOutput.contains("1 × Lámpara Nube [lampara-nube] @ 189000.00 COP; 2 × Cojín mostaza [cojin-mostaza] @ 59000.00 COP,307000.00 COP"))
        << exportedCsv.standardOutput.constData();
}
