// Addressing a stored request to a customer, by the identity WhatsApp gave them.

#include "api/messagepayloads.h"

#include <gtest/gtest.h>

using namespace Mostrador;

TEST(MessagePayloadsAddressing, APhoneBasedIdGoesInTo)
{
    const QJsonObject body = MessagePayloads::text({}, QStringLiteral("Hola"));
    EXPECT_FALSE(body.contains(QLatin1String("to"))) << "built without an addressee, for the outbox to address";
    CustomerIdentity customer;
    customer.waId = QStringLiteral("573001112233");
    customer.userId = QStringLiteral("CO.13491208655302741918");
    const QJsonObject addressed = MessagePayloads::addressed(body, customer);
    EXPECT_EQ(addressed.value(QLatin1String("to")).toString(), customer.waId);
    EXPECT_FALSE(addressed.contains(QLatin1String("recipient")));
}

TEST(MessagePayloadsAddressing, ACustomerKnownOnlyByUserIdGetsRecipientAndNoTo)
{
    CustomerIdentity customer;
    customer.userId = QStringLiteral("CO.13491208655302741918");
    const QJsonObject addressed = MessagePayloads::addressed(MessagePayloads::text({QStringLiteral("5730011"), {}, {}}, QStringLiteral("Hola")),
                                                             customer);
    EXPECT_EQ(addressed.value(QLatin1String("recipient")).toString(), customer.userId);
    EXPECT_FALSE(addressed.contains(QLatin1String("to")));
    EXPECT_EQ(addressed.value(QLatin1String("text")).toObject().value(QLatin1String("body")).toString(), QStringLiteral("Hola"));
}
