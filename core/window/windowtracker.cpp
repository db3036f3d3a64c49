#include "windowtracker.h"

#include "common/clock.h"
#include "store/database.h"

#include <QSqlQuery>
#include <QStringList>

#include <limits>

namespace Mostrador {

namespace {

constexpr qint64 kWindowMs = 24LL * 3600 * 1000;
constexpr qint64 kFreeEntryMs = 72LL * 3600 * 1000;
constexpr qint64 kReplyToAdWithinMs = 24LL * 3600 * 1000;

} // namespace

WindowTracker::WindowTracker(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WindowTracker::evaluate);
}

void WindowTracker::reload()
{
    m_times.clear();
    const qint64 horizon = m_clock.now().toMSecsSinceEpoch() - kFreeEntryMs - kReplyToAdWithinMs;
    load(QStringLiteral("v.last_inbound_at >= ? OR v.last_referral_at >= ?"), {horizon, horizon});
    evaluate();
}

void WindowTracker::refresh(const QSet<qint64> &conversationIds)
{
    if (conversationIds.isEmpty())
        return;
    QStringList marks;
    QVariantList ids;
    for (const qint64 id : conversationIds) {
        marks << QStringLiteral("?");
        ids << id;
        m_times.remove(id);
    }
    load(QStringLiteral("v.id IN (%1)").arg(marks.join(QLatin1Char(','))), ids);
    evaluate();
}

void WindowTracker::load(const QString &condition, const QVariantList &values)
{
    // The free entry point starts when the shop answers an ad referral within 24 hours.
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT v.id, v.last_inbound_at, v.window_closed_at, "
        "  (SELECT MIN(m.sent_at) FROM messages m WHERE m.conversation_id = v.id AND m.direction = 'out' "
        "     AND m.status BETWEEN 2 AND 5 AND m.sent_at >= v.last_referral_at AND m.sent_at < v.last_referral_at + ?) "
        "FROM conversations v WHERE ") + condition);
    query.addBindValue(kReplyToAdWithinMs);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return;
    while (query.next()) {
        Times times;
        times.lastInbound = query.value(1).isNull() ? 0 : query.value(1).toLongLong();
        const qint64 closed = query.value(2).isNull() ? 0 : query.value(2).toLongLong();
        times.closedByApi = closed >= times.lastInbound ? closed : 0;
        times.freeEntryEnd = query.value(3).isNull() ? 0 : query.value(3).toLongLong() + kFreeEntryMs;
        m_times.insert(query.value(0).toLongLong(), times);
    }
}

ServiceWindow WindowTracker::compute(const Times &times, qint64 now) const
{
    ServiceWindow window;
    if (times.freeEntryEnd > now)
        window.freeEntryUntil = QDateTime::fromMSecsSinceEpoch(times.freeEntryEnd, Qt::UTC);
    if (!times.lastInbound || times.closedByApi)
        return window;
    const qint64 end = times.lastInbound + kWindowMs;
    if (now >= end)
        return window;
    window.openUntil = QDateTime::fromMSecsSinceEpoch(end, Qt::UTC);
    window.state = now >= end - m_closingSoonSeconds * 1000 ? ServiceWindow::State::ClosingSoon : ServiceWindow::State::Open;
    return window;
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
        if (times.lastInbound && !times.closedByApi) {
            const qint64 end = times.lastInbound + kWindowMs;
            for (const qint64 moment : {end - m_closingSoonSeconds * 1000, end}) {
                if (moment > now)
                    next = std::min(next, moment);
            }
        }
        if (times.freeEntryEnd > now)
            next = std::min(next, times.freeEntryEnd);
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
