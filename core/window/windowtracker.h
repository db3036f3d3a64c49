#pragma once

#include "messaging/servicewindow.h"
#include "window/windowstore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Mostrador {

class Clock;
class Database;

// Knows, for every conversation, whether the shop may still send free-form messages, and says so
// exactly when that changes: when a window opens, enters "closing soon" and closes. It computes
// from the stored messages (so it survives restarts), asks an injectable clock for the time, and
// keeps one timer for the next change of any conversation instead of polling them all.
class WindowTracker final : public QObject
{
    Q_OBJECT

public:
    WindowTracker(Database &database, const Clock &clock, QObject *parent = nullptr);

    void setClosingSoonMargin(qint64 seconds) { m_closingSoonSeconds = seconds; }
    [[nodiscard]] qint64 closingSoonMargin() const { return m_closingSoonSeconds; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }

    // Loads every conversation whose window or free entry point may still be open.
    void reload();
    // Re-reads these conversations (connect to WebhookIngestor::conversationsChanged).
    void refresh(const QSet<qint64> &conversationIds);

    [[nodiscard]] ServiceWindow window(qint64 conversationId) const;
    [[nodiscard]] bool maySendFreeForm(qint64 conversationId) const { return window(conversationId).allowsFreeForm(); }

    // The next moment any conversation's window changes; invalid when none will.
    [[nodiscard]] QDateTime nextChangeAt() const;

    // Emits windowChanged for every conversation whose window differs from what was last said,
    // then sets the timer for the next change. The timer calls this; tests call it after moving
    // their clock.
    void evaluate();

Q_SIGNALS:
    void windowChanged(qint64 conversationId, const Mostrador::ServiceWindow &window);

private:
    using Times = ServiceWindow::Times;

    [[nodiscard]] ServiceWindow compute(const Times &times, qint64 now) const;

    WindowStore m_store;
    const Clock &m_clock;
    qint64 m_closingSoonSeconds = 2 * 3600;
    QHash<qint64, Times> m_times;
    QHash<qint64, ServiceWindow> m_announced;
    QTimer m_timer;
};

} // namespace Mostrador
