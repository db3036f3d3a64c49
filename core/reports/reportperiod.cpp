#include "reportperiod.h"

#include <algorithm>

namespace Mostrador {

namespace {

QDateTime startOf(QDate date, const QTimeZone &zone)
{
    return QDateTime(date, QTime(0, 0), zone).toUTC();
}

} // namespace

ReportPeriod ReportPeriod::days(QDate first, QDate last, const QTimeZone &zone)
{
    return {startOf(first, zone), startOf(last.addDays(1), zone), zone, Kind::Custom};
}

ReportPeriod ReportPeriod::of(Kind kind, const QDateTime &now, const QTimeZone &zone)
{
    const QDate today = now.toTimeZone(zone).date();
    ReportPeriod period;
    switch (kind) {
    case Kind::Today: period = days(today, today, zone); break;
    case Kind::Last7Days: period = days(today.addDays(-6), today, zone); break;
    case Kind::Last30Days: period = days(today.addDays(-29), today, zone); break;
    case Kind::ThisMonth: period = days(QDate(today.year(), today.month(), 1), today, zone); break;
    case Kind::LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        period = days(first, first.addMonths(1).addDays(-1), zone);
        break;
    }
    case Kind::Custom: period = days(today, today, zone); break;
    }
    period.kind = kind;
    return period;
}

double ReportPeriod::monthAtThisPace(double soFar, const QDateTime &now, const QTimeZone &zone)
{
    const QDate today = now.toTimeZone(zone).date();
    const QDate first(today.year(), today.month(), 1);
    const QDateTime start = first.startOfDay(zone);
    const QDateTime end = first.addMonths(1).startOfDay(zone);
    constexpr double kDayMs = 24.0 * 3600 * 1000;
    const double elapsed = std::max(kDayMs, double(start.msecsTo(now)));
    return soFar * double(start.msecsTo(end)) / elapsed;
}

ReportPeriod ReportPeriod::previous() const
{
    if (kind == Kind::ThisMonth || kind == Kind::LastMonth) {
        const QDate first = firstDay();
        const QDate previousFirst = first.addMonths(-1);
        const qint64 daysIn = first.daysTo(lastDay());
        ReportPeriod before = days(previousFirst, std::min(previousFirst.addDays(daysIn), first.addDays(-1)), zone);
        before.kind = kind;
        return before;
    }
    const qint64 length = from.msecsTo(to);
    ReportPeriod before{from.addMSecs(-length), from, zone, kind};
    if (from.toTimeZone(zone).time() == QTime(0, 0)) // whole days: whole days before, across a clock change
        before = days(firstDay().addDays(-firstDay().daysTo(lastDay()) - 1), firstDay().addDays(-1), zone);
    before.kind = kind;
    return before;
}

} // namespace Mostrador
