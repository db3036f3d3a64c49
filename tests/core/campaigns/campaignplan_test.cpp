// Who a campaign goes to, who is left out and why, what it should cost; Meta's template reviews
// and the customers' "BAJA" kept by the ingestor. Both backends.
#include "campaigns/campaignplan.h"
#include "qtprinting.h"
#include "reports/ratecard.h"
#include "sandbox/webhookpayloads.h"
#include "inbox/labelstore.h"
#include "commerce/orderstore.h"
#include "inbox/shopeditstore.h"
#include "campaigns/templatereviewstore.h"
#include "storedhistory.h"
#include "webhook/webhookparser.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QDateTime kNow(QDate(2026, 12, 1), QTime(15, 0), Qt::UTC);

class CampaignPlanTest : public IngestingStoreTest
{
protected:
    void SetUp() override
    {
        IngestingStoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        ASSERT_FALSE(storeHistory(*ingestor, 6, 1).error.isError());
        LabelStore labels(*database);
        ASSERT_FALSE(labels.seedIfEmpty({{QStringLiteral("VIP"), QStringLiteral("#1fa67a")}}).isError());
        StoreError error;
        const qint64 vip = labels.labels(&error).first().id;
        for (int customer = 0; customer < 5; ++customer)
            ASSERT_FALSE(labels.setLabel(conversationOf(customer), vip, true).isError());
    }

    qint64 conversationOf(int customer)
    {
        return scalar(*database, QStringLiteral("SELECT v.id FROM conversations v JOIN customers c ON c.id = v.customer_id WHERE c.wa_id = ?"),
                      {waIdOf(customer)}).toLongLong();
    }

    static QString waIdOf(int customer) { return QStringLiteral("5730000%1").arg(customer, 5, 10, QLatin1Char('0')); }

    void customerWrites(int customer, const QString &text)
    {
        WebhookBatch batch;
        WireMessage wire;
        wire.wamid = QStringLiteral("wamid.optout.%1.%2").arg(customer).arg(qHash(text));
        wire.businessPhoneNumberId = QStringLiteral("106540352242922");
        wire.customer.waId = waIdOf(customer);
        wire.timestamp = kNow;
        wire.kind = MessageKind::Text;
        wire.typeName = QStringLiteral("text");
        wire.text = text;
        batch.messages << wire;
        ASSERT_FALSE(ingestor->ingest(batch).error.isError());
    }
};

} // namespace

TEST_P(CampaignPlanTest, ALabelsCustomersWithThoseWhoSaidBajaAndTheBlockedLeftOut)
{
    customerWrites(1, QStringLiteral("BAJA"));
    customerWrites(3, QStringLiteral("¿No más cojines azules?")); // a question, not a request
    ASSERT_FALSE(database->exec(QStringLiteral("UPDATE customers SET blocked_at = 1 WHERE wa_id = ?"), {waIdOf(2)}, "block").isError());
    EXPECT_FALSE(scalar(*database, QStringLiteral("SELECT opt_out_reason FROM customers WHERE wa_id = ?"), {waIdOf(1)}).isNull());
    EXPECT_TRUE(scalar(*database, QStringLiteral("SELECT opt_out_reason FROM customers WHERE wa_id = ?"), {waIdOf(3)}).isNull());

    CampaignAudience audience;
    audience.label = QStringLiteral("vip");
    QString error;
    const auto plan = CampaignPlan::make(*database, audience, {QStringLiteral("{first_name}")}, {QStringLiteral("1")},
                                         QStringLiteral("MARKETING"), RateCard::shipped(), QStringLiteral("CO"), kNow, &error);
    ASSERT_TRUE(plan) << error.toStdString();
    EXPECT_EQ(plan->recipients.size(), 5);
    EXPECT_EQ(plan->receiving(), 3);
    const QHash<QString, int> skipped = plan->skippedByReason();
    EXPECT_EQ(skipped.value(QLatin1String(CampaignPlan::kOptedOut)), 1);
    EXPECT_EQ(skipped.value(QLatin1String(CampaignPlan::kBlocked)), 1);
    // Each gets their first name; the estimate prices three Colombian marketing messages.
    EXPECT_EQ(plan->recipients.first().parameters, QStringList{QStringLiteral("Cliente")});
    EXPECT_EQ(plan->estimate.messagesByCountry.value(QStringLiteral("CO")), 3);
    EXPECT_NEAR(plan->estimate.total, 3 * *RateCard::shipped().rate(QStringLiteral("CO"), QStringLiteral("marketing")), 1e-9);
    EXPECT_TRUE(plan->estimate.effective.isValid());

    // "ALTA" brings them back; the shop can take someone out by hand.
    customerWrites(1, QStringLiteral("Alta"));
    EXPECT_TRUE(scalar(*database, QStringLiteral("SELECT opted_out_at FROM customers WHERE wa_id = ?"), {waIdOf(1)}).isNull());
    EXPECT_FALSE(scalar(*database, QStringLiteral("SELECT opted_in_at FROM customers WHERE wa_id = ?"), {waIdOf(1)}).isNull());
    const qint64 fourth = scalar(*database, QStringLiteral("SELECT id FROM customers WHERE wa_id = ?"), {waIdOf(4)}).toLongLong();
    ASSERT_FALSE(ShopEditStore(*database).setWantsPromotions(fourth, false).isError());
    const auto again = CampaignPlan::make(*database, audience, {QStringLiteral("{first_name}")}, {QStringLiteral("1")},
                                          QStringLiteral("MARKETING"), RateCard::shipped(), QStringLiteral("CO"), kNow, &error);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->receiving(), 3); // customer 1 back, customer 4 out
    EXPECT_EQ(again->skippedByReason().value(QLatin1String(CampaignPlan::kOptedOut)), 1);
}

TEST_P(CampaignPlanTest, WhatEachCustomerBoughtLastFillsAVariable)
{
    OrderStore orders(*database);
    StoreError storeError;
    const auto line = [](const QString &id, const QString &name) {
        OrderLine made;
        made.retailerId = id;
        made.name = name;
        made.quantity = 1;
        made.unitCents = 100;
        made.currency = QStringLiteral("COP");
        return made;
    };
    ASSERT_TRUE(orders.addByHand(conversationOf(0), {line(QStringLiteral("vela"), QStringLiteral("Vela de soja"))}, {}, kNow.addDays(-30), &storeError));
    ASSERT_TRUE(orders.addByHand(conversationOf(0), {line(QStringLiteral("lampara"), QStringLiteral("Lámpara Nube")),
                                                     line(QStringLiteral("cojin"), QStringLiteral("Cojín mostaza"))},
                                 {}, kNow.addDays(-2), &storeError));
    ASSERT_TRUE(orders.addByHand(conversationOf(2), {line(QStringLiteral("manta"), QStringLiteral("Manta de lana"))}, {}, kNow, &storeError));

    CampaignAudience audience;
    audience.label = QStringLiteral("vip");
    QString error;
    const auto plan = CampaignPlan::make(*database, audience, {QStringLiteral("{first_name}"), QStringLiteral("{last_order}")},
                                         {QStringLiteral("1"), QStringLiteral("2")}, QStringLiteral("UTILITY"), RateCard::shipped(),
                                         QStringLiteral("CO"), kNow, &error);
    ASSERT_TRUE(plan) << error.toStdString();
    QHash<qint64, CampaignRecipient> byCustomer;
    for (const CampaignRecipient &recipient : plan->recipients)
        byCustomer.insert(recipient.customerId, recipient);
    const auto customerId = [&](int customer) {
        return scalar(*database, QStringLiteral("SELECT id FROM customers WHERE wa_id = ?"), {waIdOf(customer)}).toLongLong();
    };
    EXPECT_EQ(byCustomer.value(customerId(0)).parameters.value(1), QStringLiteral("Lámpara Nube, Cojín mostaza")); // the latest, not the first
    EXPECT_EQ(byCustomer.value(customerId(2)).parameters.value(1), QStringLiteral("Manta de lana"));
    // Who never bought has no value: left out, and said why.
    EXPECT_EQ(byCustomer.value(customerId(1)).skipped, QLatin1String(CampaignPlan::kMissingValue));
    EXPECT_EQ(plan->receiving(), 2);
}

TEST_P(CampaignPlanTest, AListFromASpreadsheetWithItsOwnColumnsAndRowsThatCannotBeRead)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("clientes.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("\xEF\xBB\xBFNombre;Celular;Pedido;2;Acepta promociones\r\n"
               "\"Gómez, Lucía\";300 000 0000;1042;viernes;\r\n"  // a known customer, written another way
               "José Núñez;+57 310 555 0101;1043;sábado;Sí\r\n"   // new, and said yes to promotions
               "Sin número;;1044;lunes\r\n"
               "Mal escrito;12;1045;martes\r\n"
               "José otra vez;310-555-0101;1046;martes\r\n");       // the same number: once
    file.close();
    CampaignAudience audience;
    audience.kind = CampaignAudience::Kind::List;
    audience.listPath = path;
    QString error;
    const auto plan = CampaignPlan::make(*database, audience, {QStringLiteral("{pedido}")}, {QStringLiteral("1"), QStringLiteral("2")},
                                         QStringLiteral("UTILITY"), RateCard::shipped(), QStringLiteral("CO"), kNow, &error);
    ASSERT_TRUE(plan) << error.toStdString();
    EXPECT_EQ(plan->receiving(), 2);
    ASSERT_EQ(plan->unreadable.size(), 2);
    EXPECT_EQ(plan->unreadable.at(0).line, 4);
    EXPECT_EQ(plan->unreadable.at(1).line, 5);
    EXPECT_EQ(plan->recipients.at(0).parameters, (QStringList{QStringLiteral("1042"), QStringLiteral("viernes")}));
    EXPECT_EQ(plan->recipients.at(1).parameters, (QStringList{QStringLiteral("1043"), QStringLiteral("sábado")}));
    // The known customer is the same row; the new one was created.
    EXPECT_EQ(plan->recipients.at(0).customerId,
              scalar(*database, QStringLiteral("SELECT id FROM customers WHERE wa_id = ?"), {waIdOf(0)}).toLongLong());
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM customers WHERE wa_id = '573105550101'")).toInt(), 1);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT opt_in_source FROM customers WHERE wa_id = '573105550101'")).toString(),
              QStringLiteral("list clientes.csv"));
    EXPECT_TRUE(scalar(*database, QStringLiteral("SELECT opted_in_at FROM customers WHERE wa_id = ?"), {waIdOf(0)}).isNull());

    // A variable nobody gives a value for is said, naming it.
    EXPECT_FALSE(CampaignPlan::make(*database, audience, {}, {QStringLiteral("2"), QStringLiteral("3")}, QStringLiteral("UTILITY"),
                                    RateCard::shipped(), QStringLiteral("CO"), kNow, &error));
    EXPECT_TRUE(error.contains(QLatin1String("{{3}}"))) << error.toStdString();
}

TEST_P(CampaignPlanTest, MetasTemplateReviewsAreKeptAsTheyCome)
{
    MessageTemplate templ;
    templ.id = QStringLiteral("9100");
    templ.name = QStringLiteral("manta_llego");
    templ.language = QStringLiteral("es");
    templ.category = QStringLiteral("UTILITY");
    const WebhookPayloads::Business business{QStringLiteral("100200300400500"), QStringLiteral("106540352242922"), QStringLiteral("576017654321")};
    const auto ingestPayload = [&](const QJsonObject &payload) {
        const WebhookParser::Result parsed = WebhookParser::parse(QJsonDocument(payload).toJson());
        ASSERT_TRUE(parsed.ok);
        ASSERT_EQ(parsed.batch.templateChanges.size(), 1);
        ASSERT_FALSE(ingestor->ingest(parsed.batch).error.isError());
    };
    ingestPayload(WebhookPayloads::templateStatus(business, templ, QStringLiteral("APPROVED"), QStringLiteral("NONE"), kNow));
    ingestPayload(WebhookPayloads::templateCategory(business, templ, QStringLiteral("UTILITY"), QStringLiteral("MARKETING"), kNow));
    ingestPayload(WebhookPayloads::templateQuality(business, templ, QStringLiteral("UNKNOWN"), QStringLiteral("YELLOW"), kNow));

    StoreError error;
    const TemplateReview review = TemplateReviewStore(*database).reviews(&error).value(TemplateReviewStore::key(templ.name, templ.language));
    EXPECT_EQ(review.status, QStringLiteral("APPROVED"));
    EXPECT_EQ(review.category, QStringLiteral("MARKETING"));
    EXPECT_EQ(review.previousCategory, QStringLiteral("UTILITY"));
    EXPECT_EQ(review.quality, QStringLiteral("YELLOW"));

    // Later, paused for its quality, with Meta's reason (its status now names its new category).
    templ.category = QStringLiteral("MARKETING");
    ingestPayload(WebhookPayloads::templateStatus(business, templ, QStringLiteral("PAUSED"), QStringLiteral("LOW_QUALITY"), kNow.addDays(3)));
    const TemplateReview paused = TemplateReviewStore(*database).reviews(&error).value(TemplateReviewStore::key(templ.name, templ.language));
    EXPECT_EQ(paused.status, QStringLiteral("PAUSED"));
    EXPECT_EQ(paused.reason, QStringLiteral("LOW_QUALITY"));
    EXPECT_EQ(paused.category, QStringLiteral("MARKETING"));
    EXPECT_EQ(paused.updatedAt, kNow.addDays(3));
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignPlanTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
