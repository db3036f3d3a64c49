// A campaign runner whose store refuses to answer: a read that failed is never taken for "nobody
// left" (the campaign would be marked sent with customers still waiting) nor for "nothing written
// today" (the number's daily limit would be passed). The store here is a real SQLite file; the
// failure is another program taking the recipients' table away, then giving it back.
#include "campaigns/campaignrunner.h"
#include "campaigns/campaignstore.h"
#include "outbox/outbox.h"
#include "qtprinting.h"
#include "storedhistory.h"
#include "wireloop.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

constexpr int kCustomers = 5;

class CampaignRunnerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_FALSE(storeHistory(*loop.ingestor, kCustomers, 1, loop.clock.now().addSecs(-600)).error.isError());
        for (int customer = 0; customer < kCustomers; ++customer)
            loop.sandbox->addCustomer(QStringLiteral("5730000%1").arg(customer, 5, 10, QLatin1Char('0')), QStringLiteral("Cliente %1").arg(customer));
        Campaign campaign;
        campaign.name = QStringLiteral("Mantas");
        campaign.templateName = QStringLiteral("novedades_hogar");
        campaign.templateLanguage = QStringLiteral("es");
        campaign.templateCategory = QStringLiteral("MARKETING");
        campaign.parameters = {QStringLiteral("{first_name}")};
        campaign.createdAt = loop.clock.now();
        QList<CampaignRecipient> recipients;
        for (qint64 customer = 1; customer <= kCustomers; ++customer)
            recipients << CampaignRecipient{customer, {QStringLiteral("Cliente")}, {}};
        StoreError error;
        const auto created = campaigns.create(campaign, recipients, &error);
        ASSERT_TRUE(created) << error.detail.toStdString();
        campaignId = *created;
    }

    // Another program on the same file takes the recipients' table away, or gives it back.
    void takeRecipientsAway() { ASSERT_FALSE(other->exec(QStringLiteral("ALTER TABLE campaign_recipients RENAME TO recipients_away")).isError()); }
    void giveRecipientsBack() { ASSERT_FALSE(other->exec(QStringLiteral("ALTER TABLE recipients_away RENAME TO campaign_recipients")).isError()); }

    int campaignMessages() { return loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE handled_by = 'campaign'")).toInt(); }
    CampaignState state()
    {
        StoreError error;
        const auto found = campaigns.find(campaignId, &error);
        return found ? found->state : CampaignState::Cancelled;
    }

    WireLoop loop;
    CampaignStore campaigns{*loop.database};
    Outbox outbox{*loop.database, *loop.client, loop.clock};
    std::unique_ptr<Database> other = loop.store.open();
    qint64 campaignId = 0;
};

} // namespace

TEST_F(CampaignRunnerTest, AStoreThatCannotBeReadNeverFinishesACampaignWithCustomersLeft)
{
    CampaignRunner runner(*loop.database, outbox, loop.clock, QStringLiteral("server@test"));
    QSignalSpy finished(&runner, &CampaignRunner::finished);
    QSignalSpy failed(&runner, &CampaignRunner::failed);
    takeRecipientsAway();
    QString problem;
    ASSERT_TRUE(runner.start(campaignId, &problem)) << problem.toStdString();

    QTest::qWait(600); // some thirty ticks, each refused
    EXPECT_EQ(finished.size(), 0) << "a campaign nobody could read is not over";
    EXPECT_EQ(state(), CampaignState::Running);
    ASSERT_EQ(failed.size(), 1) << "said once, not every tick";
    EXPECT_FALSE(failed.first().at(1).toString().isEmpty());

    // The store answers again: every customer gets theirs, then it is over.
    giveRecipientsBack();
    loop.clock.advance(60); // past the wait for Meta's word on an earlier run's messages
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(campaignMessages(), kCustomers);
    EXPECT_EQ(state(), CampaignState::Finished);
}

TEST_F(CampaignRunnerTest, AnUncountedDayIsNotAnEmptyOneTheDailyLimitHolds)
{
    CampaignRunner::Settings settings;
    settings.dailyLimit = 2;
    {
        CampaignRunner first(*loop.database, outbox, loop.clock, QStringLiteral("server@test"));
        first.setSettings(settings);
        QSignalSpy waiting(&first, &CampaignRunner::waitingForDailyLimit);
        QString problem;
        ASSERT_TRUE(first.start(campaignId, &problem)) << problem.toStdString();
        ASSERT_TRUE(waiting.wait(10000));
        first.stop();
    }
    ASSERT_EQ(campaignMessages(), 2);

    // A new run (the server restarted) while the store cannot count the day's messages; it can
    // again a moment later, well within the minute the count is kept for.
    CampaignRunner second(*loop.database, outbox, loop.clock, QStringLiteral("server@test"));
    second.setSettings(settings);
    QSignalSpy waiting(&second, &CampaignRunner::waitingForDailyLimit);
    QSignalSpy finished(&second, &CampaignRunner::finished);
    takeRecipientsAway();
    QString problem;
    ASSERT_TRUE(second.start(campaignId, &problem)) << problem.toStdString();
    QTest::qWait(300);
    giveRecipientsBack();
    ASSERT_TRUE(waiting.wait(5000)) << "the day is counted before anything is sent";
    QTest::qWait(300);
    EXPECT_EQ(campaignMessages(), 2) << "nothing beyond the number's daily limit";
    EXPECT_EQ(finished.size(), 0);
    EXPECT_EQ(state(), CampaignState::Running);
}
