#include "openinghours.h"

#include <algorithm>

namespace Mostrador {

namespace {

constexpr int kSearchDays = 366;

} // namespace

OpeningHours::OpeningHours(QTimeZone zone)
    : m_zone(std::move(zone))
{
}

void OpeningHours::setDay(Qt::DayOfWeek day, QList<Interval> intervals)
{
    std::sort(intervals.begin(), intervals.end(), [](const Interval &a, const Interval &b) { return a.from < b.from; });
    m_week.at(day - 1) = std::move(intervals);
}

void OpeningHours::addClosedDate(QDate date)
{
    m_closedDates.insert(date);
}

void OpeningHours::setVacation(QDate first, QDate last)
{
    m_vacation = std::pair{first, last};
}

void OpeningHours::clearVacation()
{
    m_vacation.reset();
}

bool OpeningHours::opensOn(QDate date) const
{
    if (m_closedDates.contains(date))
        return false;
    return !m_vacation || date < m_vacation->first || date > m_vacation->second;
}

QList<OpeningHours::Interval> OpeningHours::intervalsOn(QDate date) const
{
    return opensOn(date) ? m_week.at(date.dayOfWeek() - 1) : QList<Interval>{};
}

QDateTime OpeningHours::instant(QDate date, QTime time) const
{
    // A local time skipped by a daylight-saving change is moved forward by Qt, which is what a
    // shop means ("we open at 2:30" on the night the clocks jump opens at 3:30).
    return QDateTime(date, time, m_zone);
}

bool OpeningHours::isOpen(const QDateTime &at) const
{
    const QDateTime local = at.toTimeZone(m_zone);
    for (const Interval &interval : intervalsOn(local.date())) {
        if (at >= instant(local.date(), interval.from) && at < instant(local.date(), interval.to))
            return true;
    }
    return false;
}

QDateTime OpeningHours::closedSince(const QDateTime &at) const
{
    if (isOpen(at))
        return {};
    const QDate today = at.toTimeZone(m_zone).date();
    for (int back = 0; back <= kSearchDays; ++back) {
        const QDate date = today.addDays(-back);
        const QList<Interval> intervals = intervalsOn(date);
        for (auto interval = intervals.crbegin(); interval != intervals.crend(); ++interval) {
            const QDateTime end = instant(date, interval->to);
            if (end <= at)
                return end;
        }
    }
    return {};
}

QDateTime OpeningHours::nextOpening(const QDateTime &at) const
{
    const QDate today = at.toTimeZone(m_zone).date();
    for (int ahead = 0; ahead <= kSearchDays; ++ahead) {
        const QDate date = today.addDays(ahead);
        for (const Interval &interval : intervalsOn(date)) {
            const QDateTime start = instant(date, interval.from);
            if (start > at)
                return start;
        }
    }
    return {};
}

} // namespace Mostrador
