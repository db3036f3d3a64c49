#include "localtimeline.h"

#include <QDateTime>

#include <algorithm>

namespace Mostrador {

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;
constexpr qint64 kJulianDayOfEpoch = 2440588; // 1970-01-01

qint64 floorDiv(qint64 value, qint64 by)
{
    return value / by - ((value % by) < 0 ? 1 : 0);
}

} // namespace

LocalTimeline::LocalTimeline(const QTimeZone &zone, qint64 from, qint64 to)
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(from - kDay, Qt::UTC);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(to + kDay, Qt::UTC);
    m_offsets.append(qint64(zone.offsetFromUtc(start)) * 1000);
    if (zone.hasTransitions()) {
        for (const QTimeZone::OffsetData &change : zone.transitions(start, end)) {
            m_changes.append(change.atUtc.toMSecsSinceEpoch());
            m_offsets.append(qint64(change.offsetFromUtc) * 1000);
        }
    }
}

qint64 LocalTimeline::local(qint64 utc) const
{
    const auto after = std::upper_bound(m_changes.cbegin(), m_changes.cend(), utc);
    return utc + m_offsets.at(after - m_changes.cbegin());
}

QDate LocalTimeline::date(qint64 utc) const
{
    return QDate::fromJulianDay(kJulianDayOfEpoch + floorDiv(local(utc), kDay));
}

int LocalTimeline::hour(qint64 utc) const
{
    return int(floorDiv(local(utc), 3600 * 1000) % 24 + 24) % 24;
}

int LocalTimeline::dayOfWeek(qint64 utc) const
{
    // 1970-01-01 was a Thursday (4).
    return int((floorDiv(local(utc), kDay) % 7 + 7 + 3) % 7) + 1;
}

} // namespace Mostrador
