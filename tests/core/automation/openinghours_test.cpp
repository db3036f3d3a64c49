#include "automation/openinghours.h"

#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

// A shop open Monday to Saturday 9–13 and 16–20, closed on Sunday.
OpeningHours shopIn(const char *zone)
{
    OpeningHours hours{QTimeZone(zone)};
    for (int day = Qt::Monday; day <= Qt::Saturday; ++day)
        hours.setDay(Qt::DayOfWeek(day), {{QTime(9, 0), QTime(13, 0)}, {QTime(16, 0), QTime(20, 0)}});
    return hours;
}

QDateTime at(const char *zone, QDate date, QTime time)
{
    return QDateTime(date, time, QTimeZone(zone)).toUTC(); // the PC's clock speaks UTC
}

} // namespace

TEST(OpeningHours, IntervalsInTheShopsTimeZoneNotThePCs)
{
    const OpeningHours bogota = shopIn("America/Bogota");
    const QDate tuesday(2026, 11, 17);
    EXPECT_TRUE(bogota.isOpen(at("America/Bogota", tuesday, QTime(9, 0))));
    EXPECT_TRUE(bogota.isOpen(at("America/Bogota", tuesday, QTime(12, 59))));
    EXPECT_FALSE(bogota.isOpen(at("America/Bogota", tuesday, QTime(13, 0)))) << "the end is exclusive";
    EXPECT_FALSE(bogota.isOpen(at("America/Bogota", tuesday, QTime(14, 30)))) << "lunch break";
    EXPECT_TRUE(bogota.isOpen(at("America/Bogota", tuesday, QTime(16, 0))));
    EXPECT_FALSE(bogota.isOpen(at("America/Bogota", tuesday, QTime(22, 0))));
    // 22:00 in Bogotá is 03:00 UTC on Wednesday: still Tuesday night for the shop.
    const QDateTime night = at("America/Bogota", tuesday, QTime(22, 0));
    EXPECT_EQ(night.date(), QDate(2026, 11, 18));
    EXPECT_EQ(bogota.closedSince(night), at("America/Bogota", tuesday, QTime(20, 0)));
    EXPECT_EQ(bogota.nextOpening(night), at("America/Bogota", QDate(2026, 11, 18), QTime(9, 0)));
    EXPECT_FALSE(bogota.closedSince(at("America/Bogota", tuesday, QTime(10, 0))).isValid()) << "open: not closed since anything";
}

TEST(OpeningHours, SundayClosedDatesAndVacation)
{
    OpeningHours madrid = shopIn("Europe/Madrid");
    const QDate sunday(2026, 11, 22);
    EXPECT_FALSE(madrid.isOpen(at("Europe/Madrid", sunday, QTime(11, 0))));
    EXPECT_EQ(madrid.closedSince(at("Europe/Madrid", sunday, QTime(11, 0))), at("Europe/Madrid", sunday.addDays(-1), QTime(20, 0)));

    const QDate holiday(2026, 12, 8); // a Tuesday
    madrid.addClosedDate(holiday);
    EXPECT_FALSE(madrid.isOpen(at("Europe/Madrid", holiday, QTime(10, 0)))) << "a holiday closes a day the week says is open";
    EXPECT_EQ(madrid.closedSince(at("Europe/Madrid", holiday, QTime(10, 0))), at("Europe/Madrid", holiday.addDays(-1), QTime(20, 0)));
    EXPECT_EQ(madrid.nextOpening(at("Europe/Madrid", holiday, QTime(10, 0))), at("Europe/Madrid", holiday.addDays(1), QTime(9, 0)));

    madrid.setVacation(QDate(2026, 8, 1), QDate(2026, 8, 31));
    EXPECT_FALSE(madrid.isOpen(at("Europe/Madrid", QDate(2026, 8, 31), QTime(10, 0))));
    EXPECT_EQ(madrid.nextOpening(at("Europe/Madrid", QDate(2026, 8, 10), QTime(10, 0))),
              at("Europe/Madrid", QDate(2026, 9, 1), QTime(9, 0)));
    madrid.clearVacation();
    EXPECT_TRUE(madrid.isOpen(at("Europe/Madrid", QDate(2026, 8, 31), QTime(10, 0))));
}

TEST(OpeningHours, DaylightSavingChangesFollowTheShopsClock)
{
    // Spain moves its clocks on Sunday 29 March 2026 (+1 h) and Sunday 25 October 2026 (−1 h);
    // the shop opens at 9:00 local time on both Mondays although UTC differs by an hour.
    const OpeningHours madrid = shopIn("Europe/Madrid");
    EXPECT_EQ(madrid.nextOpening(at("Europe/Madrid", QDate(2026, 3, 28), QTime(21, 0))),
              QDateTime(QDate(2026, 3, 30), QTime(7, 0), Qt::UTC));
    EXPECT_EQ(madrid.nextOpening(at("Europe/Madrid", QDate(2026, 10, 24), QTime(21, 0))),
              QDateTime(QDate(2026, 10, 26), QTime(8, 0), Qt::UTC));
    // A shop open through the night the clocks go back is open for that extra hour too.
    OpeningHours late{QTimeZone("Europe/Madrid")};
    late.setDay(Qt::Sunday, {{QTime(0, 0), QTime(4, 0)}});
    EXPECT_TRUE(late.isOpen(QDateTime(QDate(2026, 10, 25), QTime(1, 30), Qt::UTC))); // 02:30 CET, after the change
    EXPECT_FALSE(late.isOpen(QDateTime(QDate(2026, 10, 25), QTime(3, 0), Qt::UTC)));  // 04:00 CET
}

TEST(OpeningHours, ReadFromTextInEnglishOrSpanish)
{
    QString error;
    const auto hours = OpeningHours::parse(QStringLiteral("lun-vie 9:00-13:00 16:00-20:00; sáb 10:00-14:00"),
                                           QTimeZone("America/Bogota"), &error);
    ASSERT_TRUE(hours) << error.toStdString();
    EXPECT_TRUE(hours->isOpen(at("America/Bogota", QDate(2026, 11, 20), QTime(17, 0))));  // Friday
    EXPECT_FALSE(hours->isOpen(at("America/Bogota", QDate(2026, 11, 21), QTime(17, 0)))); // Saturday afternoon
    EXPECT_TRUE(hours->isOpen(at("America/Bogota", QDate(2026, 11, 21), QTime(10, 30))));
    EXPECT_FALSE(hours->isOpen(at("America/Bogota", QDate(2026, 11, 22), QTime(10, 30)))); // Sunday, not named

    EXPECT_FALSE(OpeningHours::parse(QStringLiteral("mon-fry 09:00-13:00"), QTimeZone("Europe/Madrid"), &error));
    EXPECT_EQ(error, QStringLiteral("\"mon-fry\" is not a day or a range of days such as mon-fri."));
    EXPECT_FALSE(OpeningHours::parse(QStringLiteral("mon 13:00-09:00"), QTimeZone("Europe/Madrid"), &error));
    EXPECT_EQ(error, QStringLiteral("\"13:00-09:00\" is not a time span such as 09:00-13:00."));
    EXPECT_FALSE(OpeningHours::parse(QStringLiteral("mon 09:00-13:00"), QTimeZone("Mars/Olympus"), &error));
}

TEST(OpeningHours, OverlappingSpansAreRefusedWithBothNamedOrJoined)
{
    // Found by fuzzing: "mon 9:00-20:00 10:00-14:00" was taken, and then the shop "closed" at 14:00.
    QString error;
    EXPECT_FALSE(OpeningHours::parse(QStringLiteral("mon 9:00-20:00 10:00-14:00"), QTimeZone("America/Bogota"), &error));
    EXPECT_EQ(error, QStringLiteral("10:00-14:00 overlaps 09:00-20:00: a day's hours must not cross."));
    EXPECT_TRUE(OpeningHours::parse(QStringLiteral("mon 9:00-13:00 13:00-20:00"), QTimeZone("America/Bogota"), &error))
        << "touching spans are fine";

    // Set in code, overlapping spans are joined: closed since 20:00, not 14:00.
    OpeningHours hours{QTimeZone("America/Bogota")};
    hours.setDay(Qt::Monday, {{QTime(10, 0), QTime(14, 0)}, {QTime(9, 0), QTime(20, 0)}});
    EXPECT_EQ(hours.weekText(), QStringLiteral("mon 09:00-20:00"));
    EXPECT_EQ(hours.closedSince(at("America/Bogota", QDate(2026, 11, 16), QTime(21, 0))),
              at("America/Bogota", QDate(2026, 11, 16), QTime(20, 0)));
}
