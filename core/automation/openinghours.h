#pragma once

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QTimeZone>

#include <array>
#include <optional>

namespace Mostrador {

// When the shop is open, in the shop's own time zone (which need not be the PC's): intervals per
// weekday (several a day, e.g. 9–13 and 16–20), closed dates such as holidays, and a vacation.
// Answers questions about instants (UTC or any zone), so daylight-saving changes are the time
// zone's business, not the caller's.
class OpeningHours
{
public:
    struct Interval {
        QTime from;
        QTime to; // exclusive; must be after `from` on the same day
    };

    explicit OpeningHours(QTimeZone zone = QTimeZone::systemTimeZone());

    // Reads the week from text such as "mon-fri 09:00-13:00 16:00-20:00; sat 10:00-14:00" (day
    // names in English or Spanish: lun, mar, mié, jue, vie, sáb, dom). Days not named are closed.
    // On a mistake returns nothing and says where in `error`.
    [[nodiscard]] static std::optional<OpeningHours> parse(const QString &week, const QTimeZone &zone, QString *error);

    // Monday is 1, Sunday 7 (Qt::DayOfWeek).
    void setDay(Qt::DayOfWeek day, QList<Interval> intervals);
    void addClosedDate(QDate date);
    void setVacation(QDate first, QDate last); // both days included
    void clearVacation();

    [[nodiscard]] QTimeZone zone() const { return m_zone; }
    [[nodiscard]] QList<Interval> day(Qt::DayOfWeek day) const { return m_week.at(day - 1); }
    [[nodiscard]] QList<QDate> closedDates() const;
    [[nodiscard]] std::optional<std::pair<QDate, QDate>> vacation() const { return m_vacation; }
    // The week in the form parse() reads, days in English: "mon 09:00-13:00 16:00-20:00; sat 10:00-14:00".
    [[nodiscard]] QString weekText() const;
    // One span as the shop writes it: "09:00-13:00" (an interval to midnight ends "24:00").
    [[nodiscard]] static QString spanText(const Interval &interval);
    [[nodiscard]] bool isOpen(const QDateTime &at) const;
    // When the closed period `at` lies in began (the end of the last opening before it); invalid
    // when the shop is open at `at` or has not opened in the last year.
    [[nodiscard]] QDateTime closedSince(const QDateTime &at) const;
    // The next opening after `at`; invalid when none within a year.
    [[nodiscard]] QDateTime nextOpening(const QDateTime &at) const;

    // True when no day has any opening interval (the shop has not said when it opens).
    [[nodiscard]] bool isEmpty() const;
    // The open spans that touch [from, to), in order, as milliseconds since the epoch (UTC):
    // what reports use to tell business hours from the rest without asking per message.
    [[nodiscard]] QList<std::pair<qint64, qint64>> openSpans(const QDateTime &from, const QDateTime &to) const;

private:
    [[nodiscard]] bool opensOn(QDate date) const;
    [[nodiscard]] QList<Interval> intervalsOn(QDate date) const;
    [[nodiscard]] QDateTime instant(QDate date, QTime time) const;

    QTimeZone m_zone;
    std::array<QList<Interval>, 7> m_week;
    QSet<QDate> m_closedDates;
    std::optional<std::pair<QDate, QDate>> m_vacation;
};

} // namespace Mostrador
