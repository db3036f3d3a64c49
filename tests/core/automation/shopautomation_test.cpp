#include "automation/shopautomation.h"

#include "qtprinting.h"
#include "temporarystore.h"

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

using ShopAutomationTest = StoreTest;

} // namespace

TEST_P(ShopAutomationTest, ANewStoreHasEverythingOffAndAUsualWeekToStartFrom)
{
    StoreError error;
    const ShopAutomation automation = ShopAutomation::load(*database, &error);
    ASSERT_FALSE(error.isError()) << error.detail.toStdString();
    EXPECT_FALSE(automation.replies.isArmed());
    EXPECT_EQ(automation.runner, ShopAutomation::Runner::ThisComputer);
    EXPECT_EQ(automation.hours.weekText(), QStringLiteral("mon 09:00-13:00 16:00-20:00; tue 09:00-13:00 16:00-20:00; "
                                                          "wed 09:00-13:00 16:00-20:00; thu 09:00-13:00 16:00-20:00; "
                                                          "fri 09:00-13:00 16:00-20:00; sat 10:00-14:00"));
}

TEST_P(ShopAutomationTest, SavedSettingsComeBackWholeAfterReopening)
{
    QString parseError;
    ShopAutomation automation;
    automation.hours = *OpeningHours::parse(QStringLiteral("lun-vie 08:30-12:30 15:00-19:00; sáb 09:00-24:00"),
                                            QTimeZone("America/Bogota"), &parseError);
    automation.hours.addClosedDate(QDate(2026, 12, 8));
    automation.hours.addClosedDate(QDate(2026, 12, 25));
    automation.hours.setVacation(QDate(2027, 1, 2), QDate(2027, 1, 10));
    automation.replies.shopName = QStringLiteral("Casa Olivo");
    automation.replies.awayEnabled = true;
    automation.replies.awayText = QStringLiteral("Hola {nombre}, ya cerramos; te respondemos {mañana} a primera hora.");
    automation.replies.quietAfterHumanReplyMinutes = 25;
    automation.replies.greetingEnabled = true;
    automation.replies.greetingText = QStringLiteral("¡Bienvenido a {tienda}!");
    automation.replies.greetingTextEnglish = QStringLiteral("Welcome to {tienda}!");
    automation.replies.greetingAfterSilenceDays = 30;
    automation.runner = ShopAutomation::Runner::Server;
    ASSERT_FALSE(automation.save(*database).isError());

    database.reset();
    database = store->open();
    StoreError error;
    const ShopAutomation loaded = ShopAutomation::load(*database, &error);
    ASSERT_FALSE(error.isError()) << error.detail.toStdString();
    EXPECT_EQ(loaded.hours.weekText(), automation.hours.weekText());
    EXPECT_EQ(loaded.hours.zone().id(), QByteArray("America/Bogota"));
    EXPECT_EQ(loaded.hours.closedDates(), (QList<QDate>{QDate(2026, 12, 8), QDate(2026, 12, 25)}));
    ASSERT_TRUE(loaded.hours.vacation());
    EXPECT_EQ(loaded.hours.vacation()->first, QDate(2027, 1, 2));
    EXPECT_EQ(loaded.hours.vacation()->second, QDate(2027, 1, 10));
    EXPECT_EQ(loaded.replies.shopName, automation.replies.shopName);
    EXPECT_EQ(loaded.replies.awayText, automation.replies.awayText);
    EXPECT_EQ(loaded.replies.greetingText, automation.replies.greetingText);
    EXPECT_EQ(loaded.replies.greetingTextEnglish, QStringLiteral("Welcome to {tienda}!"));
    EXPECT_TRUE(loaded.replies.awayTextEnglish.isEmpty());
    EXPECT_TRUE(loaded.configured);
    EXPECT_EQ(loaded.replies.quietAfterHumanReplyMinutes, 25);
    EXPECT_EQ(loaded.replies.greetingAfterSilenceDays, 30);
    EXPECT_TRUE(loaded.armedFor(ShopAutomation::Runner::Server));
    EXPECT_FALSE(loaded.armedFor(ShopAutomation::Runner::ThisComputer)) << "only one program answers for the shop";

    // Saturday open until midnight survives the round trip; Sunday stays closed.
    EXPECT_TRUE(loaded.hours.isOpen(QDateTime(QDate(2026, 11, 28), QTime(23, 30), QTimeZone("America/Bogota"))));
    EXPECT_FALSE(loaded.hours.isOpen(QDateTime(QDate(2026, 11, 29), QTime(11, 0), QTimeZone("America/Bogota"))));
}

TEST_P(ShopAutomationTest, SavingAgainReplacesEveryValue)
{
    ShopAutomation automation;
    automation.replies.awayEnabled = true;
    automation.replies.awayText = QStringLiteral("Cerrado");
    automation.hours.setVacation(QDate(2027, 8, 1), QDate(2027, 8, 15));
    const StoreError first = automation.save(*database);
    ASSERT_FALSE(first.isError()) << first.detail.toStdString();
    automation.replies.awayEnabled = false;
    automation.hours.clearVacation();
    ASSERT_FALSE(automation.save(*database).isError());

    StoreError error;
    const ShopAutomation loaded = ShopAutomation::load(*database, &error);
    EXPECT_FALSE(loaded.replies.awayEnabled);
    EXPECT_EQ(loaded.replies.awayText, QStringLiteral("Cerrado"));
    EXPECT_FALSE(loaded.hours.vacation());
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Backends, ShopAutomationTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
