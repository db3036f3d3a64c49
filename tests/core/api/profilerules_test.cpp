#include "api/profilerules.h"

#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::ProfileRules;

namespace {

BusinessProfile goodProfile()
{
    BusinessProfile profile;
    profile.about = QStringLiteral("Casa Nube · hogar y decoración");
    profile.address = QStringLiteral("Cra. 11 #93-20, Bogotá");
    profile.description = QStringLiteral("Lámparas, textiles y menaje.");
    profile.email = QStringLiteral("hola@casanube.co");
    profile.websites = {QStringLiteral("https://casanube.co"), QStringLiteral("https://instagram.com/casanube")};
    profile.vertical = QStringLiteral("RETAIL");
    return profile;
}

QStringList messages(const BusinessProfile &profile)
{
    QStringList result;
    for (const Problem &problem : check(profile))
        result << problem.message;
    return result;
}

// A text of exactly n characters, with accents (characters, not bytes, are counted).
QString ofLength(qsizetype n)
{
    return QString(n, QChar(u'ñ'));
}

} // namespace

TEST(ProfileRules, AGoodProfileHasNothingToSay)
{
    EXPECT_TRUE(check(goodProfile()).isEmpty()) << messages(goodProfile()).join(QLatin1Char('\n')).toStdString();
}

TEST(ProfileRules, AboutIsOneTo139Characters)
{
    BusinessProfile profile = goodProfile();
    profile.about = ofLength(139);
    EXPECT_TRUE(check(profile).isEmpty());
    profile.about = ofLength(140);
    EXPECT_EQ(messages(profile), QStringList{QStringLiteral("About: 140 characters, at most 139.")});
    EXPECT_FALSE(canSave(check(profile)));
    profile.about = QStringLiteral("   ");
    EXPECT_EQ(messages(profile), QStringList{QStringLiteral("The About text cannot be empty; customers see it under the shop's name.")});
}

TEST(ProfileRules, AddressEmailAndDescriptionLimits)
{
    BusinessProfile profile = goodProfile();
    profile.address = ofLength(256);
    profile.email = ofLength(116) + QStringLiteral("@casanube.co"); // 128
    profile.description = ofLength(256);
    EXPECT_TRUE(check(profile).isEmpty()) << messages(profile).join(QLatin1Char('\n')).toStdString();

    profile.address = ofLength(257);
    profile.email = ofLength(117) + QStringLiteral("@casanube.co");
    EXPECT_EQ(messages(profile), (QStringList{QStringLiteral("Address: 257 characters, at most 256."),
                                              QStringLiteral("Email: 129 characters, at most 128.")}));

    profile = goodProfile();
    profile.description = ofLength(257);
    ASSERT_EQ(check(profile).size(), 1);
    EXPECT_FALSE(check(profile).first().blocking) << "past 256 only a warning";
    EXPECT_TRUE(canSave(check(profile)));
    profile.description = ofLength(512);
    EXPECT_TRUE(canSave(check(profile)));
    profile.description = ofLength(513);
    EXPECT_EQ(messages(profile), QStringList{QStringLiteral("Description: 513 characters, at most 512.")});
    EXPECT_FALSE(canSave(check(profile)));

    profile = goodProfile();
    profile.email = QStringLiteral("hola en casanube.co");
    EXPECT_EQ(messages(profile), QStringList{QStringLiteral("Email: \"hola en casanube.co\" is not an email address such as hola@mitienda.com.")});
}

TEST(ProfileRules, AtMostTwoWebWebsitesOf256Characters)
{
    BusinessProfile profile = goodProfile();
    profile.websites = {QStringLiteral("https://casanube.co/") + QString(236, QLatin1Char('a'))}; // 256
    EXPECT_TRUE(check(profile).isEmpty());
    profile.websites = {QStringLiteral("https://casanube.co/") + QString(237, QLatin1Char('a'))};
    EXPECT_EQ(messages(profile), QStringList{QStringLiteral("Website: 257 characters, at most 256.")});
    profile.websites = {QStringLiteral("https://a.co"), QStringLiteral("https://b.co"), QStringLiteral("https://c.co")};
    EXPECT_EQ(messages(profile), QStringList{QStringLiteral("At most 2 websites.")});
    profile.websites = {QStringLiteral("casanube.co"), QStringLiteral("ftp://casanube.co")};
    EXPECT_EQ(messages(profile), (QStringList{QStringLiteral("Website: \"casanube.co\" must start with https:// (or http://)."),
                                              QStringLiteral("Website: \"ftp://casanube.co\" must start with https:// (or http://).")}));
}

TEST(ProfileRules, CategoryFromMetasList)
{
    BusinessProfile profile = goodProfile();
    for (const QString &vertical : verticals()) {
        profile.vertical = vertical;
        EXPECT_TRUE(check(profile).isEmpty()) << vertical.toStdString();
        EXPECT_NE(verticalName(vertical), vertical) << "a readable name for " << vertical.toStdString();
    }
    EXPECT_EQ(verticals().size(), 21);
    profile.vertical = QStringLiteral("SHOP");
    EXPECT_EQ(messages(profile), QStringList{QStringLiteral("Category: \"SHOP\" is not one WhatsApp knows.")});
}
