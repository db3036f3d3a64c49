#include "servicewindow.h"

#include <QList>

namespace Mostrador {

ServiceWindow ServiceWindow::at(const Times &times, qint64 now, qint64 closingSoonMs)
{
    ServiceWindow window;
    if (times.freeEntryEnd > now)
        window.freeEntryUntil = QDateTime::fromMSecsSinceEpoch(times.freeEntryEnd, Qt::UTC);
    if (!times.lastInbound || times.closedByApi)
        return window;
    const qint64 end = times.lastInbound + kLengthMs;
    if (now >= end)
        return window;
    window.openUntil = QDateTime::fromMSecsSinceEpoch(end, Qt::UTC);
    window.state = now >= end - closingSoonMs ? State::ClosingSoon : State::Open;
    return window;
}

bool ServiceWindow::isOpen(const QDateTime &lastInbound, const QDateTime &now)
{
    return lastInbound.isValid() && lastInbound.msecsTo(now) < kLengthMs;
}

QList<qint64> ServiceWindow::changesAfter(const Times &times, qint64 now, qint64 closingSoonMs)
{
    QList<qint64> moments;
    if (times.lastInbound && !times.closedByApi) {
        const qint64 end = times.lastInbound + kLengthMs;
        for (const qint64 moment : {end - closingSoonMs, end}) {
            if (moment > now)
                moments << moment;
        }
    }
    if (times.freeEntryEnd > now)
        moments << times.freeEntryEnd;
    return moments;
}

} // namespace Mostrador
