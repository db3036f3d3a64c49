// Consent has one meaning: a customer's own "no" (BAJA, STOP) stands until they say yes again;
// the shop may leave someone out and take them back, but never lifts a customer's own "no".
#include "campaigns/consentstore.h"
#include "inbox/shopeditstore.h"
#include "privacy/customerrecordstore.h"
#include "qtprinting.h"
#include "storedhistory.h"

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

class ConsentStoreTest : public IngestingStoreTest
{
protected:
    void SetUp() override
    {
        IngestingStoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        ASSERT_FALSE(storeHistory(*ingestor, 1, 1, kStart).error.isError());
    }

    // The customer writes `text` at `minutes` after the start, through the ingestor as a webhook would.
    void customerWrites(const QString &text, int minutes)
    {
        WebhookBatch batch;
        WireMessage wire;
        wire.wamid = QStringLiteral("wamid.consent.%1").arg(minutes);
        wire.businessPhoneNumberId = QStringLiteral("106540352242922");
        wire.customer.waId = QStringLiteral("573000000000");
        wire.timestamp = kStart.addSecs(60LL * minutes);
        wire.kind = MessageKind::Text;
        wire.typeName = QStringLiteral("text");
        wire.text = text;
        batch.messages.append(wire);
        ASSERT_FALSE(ingestor->ingest(batch).error.isError());
    }
    QString reason() { return scalar(*database, QStringLiteral("SELECT opt_out_reason FROM customers WHERE id = 1")).toString(); }
    bool optedOut() { return !scalar(*database, QStringLiteral("SELECT opted_out_at FROM customers WHERE id = 1")).isNull(); }

    const QDateTime kStart = QDateTime(QDate(2026, 11, 17), QTime(9, 0), Qt::UTC);
    ManualClock clock{kStart.addDays(1)};
};

} // namespace

TEST_P(ConsentStoreTest, TheCustomersOwnNoIsNotTheShopsToLift)
{
    customerWrites(QStringLiteral("BAJA"), 5);
    ASSERT_TRUE(optedOut());
    EXPECT_EQ(reason(), QStringLiteral("message: BAJA"));

    ShopEditStore edits(*database, clock);
    // Unticking keeps their words and time; ticking again changes nothing and says so.
    const StoreResult<bool> leftOut = edits.setWantsPromotions(1, false);
    ASSERT_FALSE(leftOut.isError());
    EXPECT_EQ(reason(), QStringLiteral("message: BAJA"));
    const StoreResult<bool> takenBack = edits.setWantsPromotions(1, true);
    ASSERT_FALSE(takenBack.isError());
    EXPECT_FALSE(*takenBack) << "the customer's own no stands";
    EXPECT_TRUE(optedOut());

    // They write ALTA: they get promotions again.
    customerWrites(QStringLiteral("ALTA"), 10);
    EXPECT_FALSE(optedOut());
}

TEST_P(ConsentStoreTest, TheShopsNoIsReplacedByTheCustomersOwn)
{
    ShopEditStore edits(*database, clock);
    ASSERT_FALSE(edits.setWantsPromotions(1, false).isError());
    EXPECT_EQ(reason(), ConsentStore::kShopReason);
    customerWrites(QStringLiteral("STOP"), 5);
    EXPECT_EQ(reason(), QStringLiteral("message: STOP")) << "now it is theirs";
    const StoreResult<bool> takenBack = edits.setWantsPromotions(1, true);
    ASSERT_FALSE(takenBack.isError());
    EXPECT_FALSE(*takenBack);
    EXPECT_TRUE(optedOut());
}

TEST_P(ConsentStoreTest, TheShopTakesBackOnlyItsOwnNoAndAListNeverOverridesANo)
{
    ShopEditStore edits(*database, clock);
    ASSERT_FALSE(edits.setWantsPromotions(1, false).isError());
    const StoreResult<bool> takenBack = edits.setWantsPromotions(1, true);
    ASSERT_FALSE(takenBack.isError());
    EXPECT_TRUE(*takenBack);
    EXPECT_FALSE(optedOut());

    customerWrites(QStringLiteral("BAJA"), 5);
    ConsentStore consent(*database);
    ASSERT_FALSE(consent.recordOptIn(1, QStringLiteral("list: clientes.csv"), clock.now()).isError());
    EXPECT_TRUE(optedOut()) << "a spreadsheet's yes is not the customer's";
    EXPECT_TRUE(scalar(*database, QStringLiteral("SELECT opt_in_source FROM customers WHERE id = 1")).toString() != QStringLiteral("list: clientes.csv"));
}

// A promotion the shop confirmed past the customer's no is kept with that no and who sent it;
// forgetting the customer forgets it too.
TEST_P(ConsentStoreTest, APromotionPastTheirNoIsKeptWithItAndForgottenWithThem)
{
    customerWrites(QStringLiteral("BAJA"), 10);
    ConsentStore consent(*database);
    const qint64 conversation = scalar(*database, QStringLiteral("SELECT id FROM conversations WHERE customer_id = 1")).toLongLong();
    ASSERT_FALSE(consent.recordPromotionPastNo(conversation, 0, QStringLiteral("novedades_hogar"), QString(), kStart.addSecs(3600))
                     .isError());
    const auto kept = consent.promotionsPastNo(1);
    ASSERT_FALSE(kept.isError()) << kept.error().detail.toStdString();
    ASSERT_EQ(kept.value().size(), 1);
    EXPECT_EQ(kept.value().first().templateName, QStringLiteral("novedades_hogar"));
    EXPECT_EQ(kept.value().first().refusal, QStringLiteral("message: BAJA"));
    EXPECT_EQ(kept.value().first().sentAt, kStart.addSecs(3600));

    StoreError error;
    ASSERT_TRUE(CustomerRecordStore(*database).forgetCustomer(1, &error)) << error.detail.toStdString();
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM promotion_overrides")).toInt(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsentStoreTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
