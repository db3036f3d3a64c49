#include "automation/customerlanguage.h"

#include <gtest/gtest.h>

using namespace Mostrador;

TEST(CustomerLanguage, WordsDecideWhenTheySaySomething)
{
    EXPECT_EQ(CustomerLanguage::guess({QStringLiteral("Hi, do you ship to Miami?")}, QStringLiteral("573001112233")), QStringLiteral("en"))
        << "an English message from a Colombian number is answered in English";
    EXPECT_EQ(CustomerLanguage::guess({QStringLiteral("¿Tienen la lámpara en blanco?")}, QStringLiteral("13055550123")), QStringLiteral("es"))
        << "a Spanish message from a US number is answered in Spanish";
    EXPECT_EQ(CustomerLanguage::guess({QStringLiteral("Hola, quiero hacer un pedido")}, QStringLiteral("447700900123")), QStringLiteral("es"));
    EXPECT_EQ(CustomerLanguage::guess({QStringLiteral("Thanks! Is it still available?")}, QStringLiteral("34600111222")), QStringLiteral("en"));
}

TEST(CustomerLanguage, TheNumberDecidesWhenTheWordsDoNotAndSpanishIsTheDefault)
{
    EXPECT_EQ(CustomerLanguage::guess({QStringLiteral("ok"), QStringLiteral("👍")}, QStringLiteral("13055550123")), QStringLiteral("en"));
    EXPECT_EQ(CustomerLanguage::guess({QStringLiteral("ok")}, QStringLiteral("447700900123")), QStringLiteral("en"));
    EXPECT_EQ(CustomerLanguage::guess({QStringLiteral("ok")}, QStringLiteral("573001112233")), QStringLiteral("es"));
    EXPECT_EQ(CustomerLanguage::guess({}, QString()), QStringLiteral("es"));
}
