#include "sandbox/simulatedcustomers.h"

#include "api/downloadmediajob.h"

#include "qtprinting.h"
#include "wireloop.h"

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
