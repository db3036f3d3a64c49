#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace Mostrador {

// The stretch of time a report covers, [from, to), and the time zone its days and hours are
// counted in (the shop's).
struct ReportPeriod {
    enum class Kind { Today, Last7Days, Last30Days, ThisMonth, LastMonth, Custom };

    QDateTime from;
    QDateTime to;
    QTimeZone zone;
    Kind kind = Kind::Custom;

    // The period of `kind` as of `now`: today so far; the 7 or 30 days that end today; this
    // calendar month so far; last month.
    [[nodiscard]] static ReportPeriod of(Kind kind, const QDateTime &now, const QTimeZone &zone);
    // From the start of `first` to the end of `last`, local days, both included.
    [[nodiscard]] static ReportPeriod days(QDate first, QDate last, const QTimeZone &zone);
    // What `soFar`, counted from the start of the month of `now` to `now`, comes to by the end of
    // that month at the same pace (at least a day's pace, so a month's first hours do not
    // forecast a fortune).
    [[nodiscard]] static double monthAtThisPace(double soFar, const QDateTime &now, const QTimeZone &zone);
    // The period just before, to compare with: as long, or the month before.
    [[nodiscard]] ReportPeriod previous() const;

    [[nodiscard]] qint64 fromMs() const { return from.toMSecsSinceEpoch(); }
    [[nodiscard]] qint64 toMs() const { return to.toMSecsSinceEpoch(); }
    [[nodiscard]] QDate firstDay() const { return from.toTimeZone(zone).date(); }
    [[nodiscard]] QDate lastDay() const { return to.addMSecs(-1).toTimeZone(zone).date(); }
};

} // namespace Mostrador
