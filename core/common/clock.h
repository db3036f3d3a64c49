#pragma once

#include <QDateTime>

namespace Mostrador {

// Where "now" comes from. Everything that decides by time (the 24-hour window, away hours,
// the sandbox's rules) asks a Clock, so tests can move time instead of waiting for it.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// The one system clock, for code that takes a Clock but is not given one.
inline const Clock &systemClock()
{
    static const SystemClock clock;
    return clock;
}

// A clock that only moves when told to.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start) : m_now(std::move(start)) { }

    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(const QDateTime &at) { m_now = at; }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace Mostrador
