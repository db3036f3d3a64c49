#include "openinghours.h"

#include "spanreader.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace Mostrador {

namespace {

constexpr int kSearchDays = 366;

int dayNumber(const QString &name)
{
    static const QHash<QString, int> kDays{
        {QStringLiteral("mon"), 1}, {QStringLiteral("tue"), 2}, {QStringLiteral("wed"), 3}, {QStringLiteral("thu"), 4},
        {QStringLiteral("fri"), 5}, {QStringLiteral("sat"), 6}, {QStringLiteral("sun"), 7},
        {QStringLiteral("lun"), 1}, {QStringLiteral("mar"), 2}, {QStringLiteral("mié"), 3}, {QStringLiteral("mie"), 3},
        {QStringLiteral("jue"), 4}, {QStringLiteral("vie"), 5}, {QStringLiteral("sáb"), 6}, {QStringLiteral("sab"), 6},
        {QStringLiteral("dom"), 7}};
    return kDays.value(name.toLower().left(3), 0);
}


} // namespace

OpeningHours::OpeningHours(QTimeZone zone)
    : m_zone(std::move(zone))
{
}

std::optional<OpeningHours> OpeningHours::parse(const QString &week, const QTimeZone &zone, QString *error)
{
    if (!zone.isValid()) {
        *error = QCoreApplication::translate("OpeningHours", "Unknown time zone; use a name such as America/Bogota or Europe/Madrid.");
        return std::nullopt;
    }
    OpeningHours hours(zone);
    for (const QString &group : week.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList words = group.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        const QStringList range = words.first().split(QLatin1Char('-'));
        const int first = dayNumber(range.first());
        const int last = range.size() == 2 ? dayNumber(range.last()) : first;
        if (range.size() > 2 || first == 0 || last == 0 || last < first) {
            *error = QCoreApplication::translate("OpeningHours", "\"%1\" is not a day or a range of days such as mon-fri.").arg(words.first());
            return std::nullopt;
        }
        // A day named without hours is closed.
        const auto intervals = words.size() == 1 ? std::optional(QList<Interval>()) : SpanReader::read(words.mid(1).join(QLatin1Char(' ')), error);
        if (!intervals)
            return std::nullopt;
        for (int day = first; day <= last; ++day)
            hours.setDay(Qt::DayOfWeek(day), *intervals);
    }
    return hours;
}

void OpeningHours::setDay(Qt::DayOfWeek day, QList<Interval> intervals)
{
    // In order (stably: the text written back is the text read), overlapping spans joined, so
    // "when did the shop close" has one answer.
    std::stable_sort(intervals.begin(), intervals.end(), [](const Interval &a, const Interval &b) { return a.from < b.from; });
    QList<Interval> joined;
    for (const Interval &interval : std::as_const(intervals)) {
        if (!joined.isEmpty() && interval.from < joined.last().to)
            joined.last().to = std::max(joined.last().to, interval.to);
        else
            joined.append(interval);
    }
    m_week.at(day - 1) = std::move(joined);
}

QList<QDate> OpeningHours::closedDates() const
{
    QList<QDate> dates(m_closedDates.cbegin(), m_closedDates.cend());
    std::sort(dates.begin(), dates.end());
    return dates;
}

QString OpeningHours::spanText(const Interval &interval)
{
    const QString to = interval.to >= QTime(23, 59, 59) ? QStringLiteral("24:00") : interval.to.toString(QStringLiteral("HH:mm"));
    return interval.from.toString(QStringLiteral("HH:mm")) + QLatin1Char('-') + to;
}

QString OpeningHours::weekText() const
{
    static const char *const kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    QStringList days;
    for (int day = 0; day < 7; ++day) {
        if (m_week.at(day).isEmpty())
            continue;
        QStringList words{QLatin1String(kNames[day])};
        for (const Interval &interval : m_week.at(day))
            words << spanText(interval);
        days << words.join(QLatin1Char(' '));
    }
    return days.join(QStringLiteral("; "));
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

bool OpeningHours::isEmpty() const
{
    return std::all_of(m_week.cbegin(), m_week.cend(), [](const QList<Interval> &day) { return day.isEmpty(); });
}

QList<std::pair<qint64, qint64>> OpeningHours::openSpans(const QDateTime &from, const QDateTime &to) const
{
    QList<std::pair<qint64, qint64>> spans;
    const QDate last = to.toTimeZone(m_zone).date();
    for (QDate date = from.toTimeZone(m_zone).date().addDays(-1); date <= last; date = date.addDays(1)) {
        for (const Interval &interval : intervalsOn(date)) {
            const qint64 start = instant(date, interval.from).toMSecsSinceEpoch();
            const qint64 end = interval.to >= QTime(23, 59, 59) ? instant(date.addDays(1), QTime(0, 0)).toMSecsSinceEpoch()
                                                                 : instant(date, interval.to).toMSecsSinceEpoch();
            if (end > from.toMSecsSinceEpoch() && start < to.toMSecsSinceEpoch() && end > start)
                spans.append({start, end});
        }
    }
    return spans;
}

} // namespace Mostrador
