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

// A text too long for one message is cut where a reader would: paragraph, line, sentence, word.
TEST(MessagePayloadsSplitting, CutsAtTheBestPlaceInReachAndLosesNothing)
{
    EXPECT_EQ(MessagePayloads::splitText(QStringLiteral("Hola")), QStringList{QStringLiteral("Hola")});
    const QStringList sentences = MessagePayloads::splitText(QStringLiteral("Uno dos tres. Cuatro cinco seis. Siete ocho."), 20);
    EXPECT_EQ(sentences, (QStringList{QStringLiteral("Uno dos tres."), QStringLiteral("Cuatro cinco seis."), QStringLiteral("Siete ocho.")}));
    const QStringList words = MessagePayloads::splitText(QStringLiteral("aaaa bbbb cccc dddd"), 10);
    EXPECT_EQ(words, (QStringList{QStringLiteral("aaaa bbbb"), QStringLiteral("cccc dddd")}));
    const QStringList lines = MessagePayloads::splitText(QStringLiteral("una línea\notra línea más\nfin"), 16);
    EXPECT_EQ(lines.first(), QStringLiteral("una línea"));
    const QString word(10000, u'x');
    const QStringList forced = MessagePayloads::splitText(word);
    ASSERT_EQ(forced.size(), 3) << "a word longer than a message is cut";
    EXPECT_EQ(forced.join(QString()), word);
}
