// Numbers as people write them, read into the id WhatsApp gives them.

#include "identity/phonenumbers.h"
#include "messaging/waid.h"
#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

QString waIdOf(const QString &typed, const QString &region = QStringLiteral("CO"))
{
    QString problem;
    const auto reading = PhoneNumbers::read(typed, region, &problem);
    return reading ? reading->waId : QStringLiteral("problem: ") + problem;
}

} // namespace

TEST(PhoneNumbers, ReadsTheFormsPeopleWrite)
{
    EXPECT_EQ(waIdOf(QStringLiteral("+57 300 111 2233")), QStringLiteral("573001112233"));
    EXPECT_EQ(waIdOf(QStringLiteral("300 111 2233")), QStringLiteral("573001112233")) << "the shop's country by default";
    EXPECT_EQ(waIdOf(QStringLiteral("(300) 111-2233")), QStringLiteral("573001112233"));
    EXPECT_EQ(waIdOf(QStringLiteral("0034 644 55 66 77")), QStringLiteral("34644556677"));
    EXPECT_EQ(waIdOf(QStringLiteral("644 55 66 77"), QStringLiteral("ES")), QStringLiteral("34644556677"));
    // A whole international number without its + (as WhatsApp ids are written), whatever the shop's country.
    EXPECT_EQ(waIdOf(QStringLiteral("573001112233"), QStringLiteral("ES")), QStringLiteral("573001112233"));
    EXPECT_EQ(waIdOf(QStringLiteral("34644556677"), QStringLiteral("CO")), QStringLiteral("34644556677"));
}

TEST(PhoneNumbers, GivesMexicanArgentinianAndBrazilianNumbersWhatsAppsForm)
{
    EXPECT_EQ(waIdOf(QStringLiteral("+52 55 1234 5678")), QStringLiteral("5215512345678"));
    EXPECT_EQ(waIdOf(QStringLiteral("+52 1 55 1234 5678")), QStringLiteral("5215512345678"));
    EXPECT_EQ(waIdOf(QStringLiteral("55 1234 5678"), QStringLiteral("MX")), QStringLiteral("5215512345678"));
    EXPECT_EQ(waIdOf(QStringLiteral("+54 11 2345-6789")), QStringLiteral("5491123456789"));
    EXPECT_EQ(waIdOf(QStringLiteral("+54 9 11 2345-6789")), QStringLiteral("5491123456789"));
    EXPECT_EQ(waIdOf(QStringLiteral("+55 11 98765-4321")), QStringLiteral("5511987654321"));
    EXPECT_EQ(waIdOf(QStringLiteral("+55 11 8765-4321")), QStringLiteral("5511987654321")) << "the ninth digit added";
}

TEST(PhoneNumbers, SaysWhatIsWrongWithSomethingThatIsNotANumber)
{
    QString problem;
    EXPECT_FALSE(PhoneNumbers::read(QStringLiteral("Lucía"), QStringLiteral("CO"), &problem));
    EXPECT_TRUE(problem.contains(QLatin1String("phone number")));
    EXPECT_FALSE(PhoneNumbers::read(QStringLiteral("12"), QStringLiteral("CO"), &problem));
    EXPECT_FALSE(problem.isEmpty());
}

TEST(PhoneNumbers, ShowsANumberAsPeopleReadIt)
{
    EXPECT_EQ(PhoneNumbers::displayed(QStringLiteral("573001112233")), QStringLiteral("+57 300 1112233"));
    EXPECT_EQ(PhoneNumbers::displayed(QStringLiteral("34644556677")), QStringLiteral("+34 644 55 66 77"));
}

TEST(WaId, KnowsTheFormsOfOneNumber)
{
    EXPECT_EQ(WaId::equivalents(QStringLiteral("5215512345678")), (QStringList{QStringLiteral("5215512345678"), QStringLiteral("525512345678")}));
    EXPECT_EQ(WaId::equivalents(QStringLiteral("541123456789")), (QStringList{QStringLiteral("541123456789"), QStringLiteral("5491123456789")}));
    EXPECT_EQ(WaId::equivalents(QStringLiteral("551187654321")), (QStringList{QStringLiteral("551187654321"), QStringLiteral("5511987654321")}));
    EXPECT_EQ(WaId::equivalents(QStringLiteral("551132654321")), QStringList{QStringLiteral("551132654321")}) << "a landline has no ninth digit";
    EXPECT_EQ(WaId::equivalents(QStringLiteral("573001112233")), QStringList{QStringLiteral("573001112233")});
    EXPECT_TRUE(WaId::same(QStringLiteral("525512345678"), QStringLiteral("5215512345678")));
    EXPECT_FALSE(WaId::same(QStringLiteral("525512345678"), QStringLiteral("525512345679")));
}
