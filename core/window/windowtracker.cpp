#include "windowtracker.h"

#include "common/clock.h"

#include <QLoggingCategory>

#include <limits>

namespace Mostrador {

namespace {
Q_LOGGING_CATEGORY(lcWindows, "mostrador.windows")
} // namespace

WindowTracker::WindowTracker(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(database)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WindowTracker::evaluate);
}

void WindowTracker::reload()
{
    StoreError error;
    auto recent = m_store.recent(m_clock.now().toMSecsSinceEpoch(), &error);
    // Unread is not "no window open": what was known stays until the store answers again.
    if (error.isError()) {
        qCInfo(lcWindows) << "windows kept as they were known:" << error.detail;
        return;
    }
    m_times = std::move(recent);
    evaluate();
}

void WindowTracker::refresh(const QSet<qint64> &conversationIds)
{
    if (conversationIds.isEmpty())
        return;
    StoreError error;
    const auto changed = m_store.of(conversationIds, &error);
    if (error.isError()) {
        qCInfo(lcWindows) << "windows kept as they were known:" << error.detail;
        return;
    }
    for (const qint64 id : conversationIds)
        m_times.remove(id);
    m_times.insert(changed);
    evaluate();
}

ServiceWindow WindowTracker::compute(const Times &times, qint64 now) const
{
    return ServiceWindow::at(times, now, m_closingSoonSeconds * 1000);
}

ServiceWindow WindowTracker::window(qint64 conversationId) const
{
    const auto times = m_times.constFind(conversationId);
    if (times == m_times.constEnd())
        return {};
    return compute(*times, m_clock.now().toMSecsSinceEpoch());
}

QDateTime WindowTracker::nextChangeAt() const
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Times &times : m_times) {
        for (const qint64 moment : ServiceWindow::changesAfter(times, now, m_closingSoonSeconds * 1000))
            next = std::min(next, moment);
    }
    return next == std::numeric_limits<qint64>::max() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(next, Qt::UTC);
}

void WindowTracker::evaluate()
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    for (auto it = m_times.begin(); it != m_times.end();) {
        const ServiceWindow current = compute(*it, now);
        const auto announced = m_announced.constFind(it.key());
        const ServiceWindow before = announced == m_announced.constEnd() ? ServiceWindow{} : *announced;
        if (!(current == before)) {
            m_announced.insert(it.key(), current);
            Q_EMIT windowChanged(it.key(), current);
        }
        // Conversations with nothing left to change leave memory: it stays bounded.
        if (current.state == ServiceWindow::State::Closed && !current.freeEntryUntil.isValid()) {
            m_announced.remove(it.key());
            it = m_times.erase(it);
        } else {
            ++it;
        }
    }
    const QDateTime next = nextChangeAt();
    if (next.isValid())
        m_timer.start(int(std::clamp<qint64>(next.toMSecsSinceEpoch() - now, 0, std::numeric_limits<int>::max())));
    else
        m_timer.stop();
}

} // namespace Mostrador
