// Meta's rules of what a delivered message is billed as, on each side of 1 October 2026.

#include "messaging/metapricing.h"

#include <gtest/gtest.h>

using namespace Mostrador;

TEST(MetaPricingTest, RepliesInsideTheWindowAreBilledFromTheFirstOfOctober2026)
{
    const QDate before(2026, 9, 30), after(2026, 10, 1);
    EXPECT_FALSE(MetaPricing::charge(QStringLiteral("service"), true, false, before).billable);
    EXPECT_FALSE(MetaPricing::charge(QStringLiteral("utility"), true, false, before).billable);
    EXPECT_TRUE(MetaPricing::charge(QStringLiteral("utility"), false, false, before).billable);
    EXPECT_TRUE(MetaPricing::charge(QStringLiteral("marketing"), true, false, before).billable);
    EXPECT_TRUE(MetaPricing::charge(QStringLiteral("service"), true, false, after).billable);
    EXPECT_EQ(MetaPricing::charge(QStringLiteral("service"), true, false, after).type, QStringLiteral("regular"));
    EXPECT_TRUE(MetaPricing::charge(QStringLiteral("utility"), true, false, after).billable);
    const MetaCharge fromAnAd = MetaPricing::charge(QStringLiteral("marketing"), true, true, after);
    EXPECT_FALSE(fromAnAd.billable);
    EXPECT_EQ(fromAnAd.type, QStringLiteral("free_entry_point"));
}
