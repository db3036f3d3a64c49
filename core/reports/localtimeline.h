#pragma once

#include <QDate>
#include <QList>
#include <QTimeZone>

namespace Mostrador {

// Local wall-clock time in one time zone for many instants of a bounded stretch, without asking
// the time-zone database for each: the zone's offsets over the stretch are read once, and each
// instant finds its offset by a binary search. Reports place a million messages in days and
// hours with it.
class LocalTimeline
{
public:
    // Times are milliseconds since the epoch, UTC; instants outside [from, to) still work,
    // with the nearest offset known.
    LocalTimeline(const QTimeZone &zone, qint64 from, qint64 to);

    // The same instant on the local wall clock, as milliseconds since a local epoch.
    [[nodiscard]] qint64 local(qint64 utc) const;
    [[nodiscard]] QDate date(qint64 utc) const;
    [[nodiscard]] int hour(qint64 utc) const;          // 0–23
    [[nodiscard]] int dayOfWeek(qint64 utc) const;     // Monday 1 … Sunday 7

private:
    QList<qint64> m_changes;  // instants at which the offset changes, ascending
    QList<qint64> m_offsets;  // offset (ms) before the first change, then after each
};

} // namespace Mostrador
