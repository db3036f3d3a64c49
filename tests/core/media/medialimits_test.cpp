#include "media/medialimits.h"

#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;
using Type = MessagePayloads::MediaType;

TEST(MediaLimits, AcceptsWhatWhatsAppAcceptsUpToItsLimits)
{
    constexpr qint64 kMB = 1024 * 1024;
    EXPECT_EQ(MediaLimits::check(QStringLiteral("image/jpeg"), 5 * kMB).type, Type::Image);
    EXPECT_FALSE(MediaLimits::check(QStringLiteral("image/jpeg"), 5 * kMB + 1).type.has_value());
    EXPECT_EQ(MediaLimits::check(QStringLiteral("application/pdf"), 100 * kMB).type, Type::Document);
    EXPECT_FALSE(MediaLimits::check(QStringLiteral("application/pdf"), 100 * kMB + 1).type.has_value());
    EXPECT_EQ(MediaLimits::check(QStringLiteral("video/mp4"), 16 * kMB).type, Type::Video);
    EXPECT_EQ(MediaLimits::check(QStringLiteral("audio/ogg; codecs=opus"), 1000).type, Type::Audio);
    EXPECT_EQ(MediaLimits::check(QStringLiteral("image/webp"), 100 * 1024).type, Type::Sticker);
    EXPECT_FALSE(MediaLimits::check(QStringLiteral("image/webp"), 100 * 1024 + 1).type.has_value());
}

TEST(MediaLimits, SaysWhyInPlainWords)
{
    const auto tooBig = MediaLimits::check(QStringLiteral("image/png"), 6 * 1024 * 1024);
    EXPECT_TRUE(tooBig.problem.contains(QLatin1String("accepts up to"))) << tooBig.problem.toStdString();
    const auto wrong = MediaLimits::check(QStringLiteral("application/x-msdownload"), 1000);
    EXPECT_TRUE(wrong.problem.contains(QLatin1String("does not accept"))) << wrong.problem.toStdString();
    EXPECT_FALSE(MediaLimits::check(QStringLiteral("image/png"), 0).problem.isEmpty());
}
