#include "automation/openinghours.h"
#include "automation/spanreader.h"

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
    EXPECT_EQ(error, QStringLiteral("13:00-09:00 closes before it opens."));
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

// The forms shop owners type, each read to the same spans; what cannot be read says why.
TEST(OpeningHours, HoursAsPeopleTypeThem)
{
    const auto spans = [](const QString &text) {
        QString reason;
        const auto read = SpanReader::read(text, &reason);
        QStringList written;
        for (const OpeningHours::Interval &interval : read.value_or(QList<OpeningHours::Interval>()))
            written << OpeningHours::spanText(interval);
        return read ? written.join(QLatin1Char(' ')) : QStringLiteral("error: ") + reason;
    };
    EXPECT_EQ(spans(QStringLiteral("09:00-13:00 16:00-20:00")), QStringLiteral("09:00-13:00 16:00-20:00"));
    EXPECT_EQ(spans(QStringLiteral("9-13")), QStringLiteral("09:00-13:00"));
    EXPECT_EQ(spans(QStringLiteral("9:30-13")), QStringLiteral("09:30-13:00"));
    EXPECT_EQ(spans(QStringLiteral("9 a 13 y 16 a 20")), QStringLiteral("09:00-13:00 16:00-20:00"));
    EXPECT_EQ(spans(QStringLiteral("9am-1pm")), QStringLiteral("09:00-13:00"));
    EXPECT_EQ(spans(QStringLiteral("9 a. m. – 1 p. m., 4 p.m. to 8 p.m.")), QStringLiteral("09:00-13:00 16:00-20:00"));
    EXPECT_EQ(spans(QStringLiteral("1-5pm")), QStringLiteral("13:00-17:00"));
    EXPECT_EQ(spans(QStringLiteral("9h-13h")), QStringLiteral("09:00-13:00"));
    EXPECT_EQ(spans(QStringLiteral("9.30-13.30")), QStringLiteral("09:30-13:30"));
    EXPECT_EQ(spans(QStringLiteral("18-24")), QStringLiteral("18:00-24:00"));

    EXPECT_EQ(spans(QStringLiteral("25:00-26:00")), QStringLiteral("error: 25:00 does not exist."));
    EXPECT_EQ(spans(QStringLiteral("9:75-13")), QStringLiteral("error: 09:75 does not exist."));
    EXPECT_EQ(spans(QStringLiteral("13:00-09:00")), QStringLiteral("error: 13:00-09:00 closes before it opens."));
    EXPECT_EQ(spans(QStringLiteral("9-20 10-12")), QStringLiteral("error: 10:00-12:00 overlaps 09:00-20:00: a day's hours must not cross."));
    EXPECT_EQ(spans(QStringLiteral("por la mañana")), QStringLiteral("error: \"por\" is not a time span such as 09:00-13:00."));
    EXPECT_EQ(spans(QStringLiteral("13pm-2pm")), QStringLiteral("error: 13pm does not exist."));

    QString error;
    const auto week = OpeningHours::parse(QStringLiteral("lun-vie 9 a 13 y 16 a 20; sáb 10-14; dom"), QTimeZone("Europe/Madrid"), &error);
    ASSERT_TRUE(week) << error.toStdString();
    EXPECT_EQ(week->weekText(), QStringLiteral("mon 09:00-13:00 16:00-20:00; tue 09:00-13:00 16:00-20:00; wed 09:00-13:00 16:00-20:00; "
                                               "thu 09:00-13:00 16:00-20:00; fri 09:00-13:00 16:00-20:00; sat 10:00-14:00"));
}
