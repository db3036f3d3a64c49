#include "spanreader.h"

#include <QRegularExpression>

#include <algorithm>

namespace Mostrador {

namespace {

// One end of a span: 9, 09, 9:30, 9.30, 9h30, 9h, with am/pm (a. m., p.m.) after it.
const QString kTime = QStringLiteral(R"((\d{1,2})(?:[:.h](\d{2}))?h?\s*(am|pm)?)");
// Between the two ends: a dash of any kind, "a", "to", "hasta", "até".
const QString kBetween = QStringLiteral(R"(\s*(?:-|a|to|hasta|até)\s*)");

QString normalised(QString text)
{
    text = text.toLower();
    text.replace(QChar(0x2013), QLatin1Char('-')).replace(QChar(0x2014), QLatin1Char('-'));
    static const QRegularExpression meridiem(QStringLiteral(R"(\b([ap])\.?\s?m\.?)"));
    text.replace(meridiem, QStringLiteral("\\1m"));
    // What joins two spans: a comma, "y", "and", "e".
    static const QRegularExpression joiner(QStringLiteral(R"(\s*(?:,|;|\by\b|\band\b|\be\b)\s*)"));
    text.replace(joiner, QStringLiteral(" "));
    return text.simplified();
}

struct End {
    int hour = 0;
    int minute = 0;
    QString meridiem;
};

} // namespace

std::optional<QList<OpeningHours::Interval>> SpanReader::read(const QString &text, QString *reason)
{
    static const QRegularExpression span(QStringLiteral("^") + kTime + kBetween + kTime + QStringLiteral(R"((?:\s+|$))"));
    QString rest = normalised(text);
    if (rest.isEmpty()) {
        *reason = tr("Write the hours, for example 09:00-13:00 16:00-20:00.");
        return std::nullopt;
    }
    QList<OpeningHours::Interval> spans;
    while (!rest.isEmpty()) {
        const QRegularExpressionMatch match = span.match(rest);
        if (!match.hasMatch()) {
            *reason = tr("\"%1\" is not a time span such as 09:00-13:00.").arg(rest.section(QLatin1Char(' '), 0, 0));
            return std::nullopt;
        }
        End ends[2];
        for (int side = 0; side < 2; ++side) {
            ends[side] = {match.captured(1 + side * 3).toInt(), match.captured(2 + side * 3).toInt(), match.captured(3 + side * 3)};
            const End &end = ends[side];
            const QString written = QStringLiteral("%1:%2").arg(end.hour, 2, 10, QLatin1Char('0')).arg(end.minute, 2, 10, QLatin1Char('0'));
            const bool exists = end.meridiem.isEmpty() ? (end.hour < 24 || (end.hour == 24 && end.minute == 0 && side == 1))
                                                       : end.hour >= 1 && end.hour <= 12;
            if (!exists || end.minute > 59) {
                *reason = tr("%1 does not exist.").arg(end.meridiem.isEmpty() ? written : QString::number(end.hour) + end.meridiem);
                return std::nullopt;
            }
        }
        const auto minutes = [](const End &end) {
            int hour = end.hour;
            if (end.meridiem == QLatin1String("am") && hour == 12)
                hour = 0;
            else if (end.meridiem == QLatin1String("pm") && hour != 12)
                hour += 12;
            return hour * 60 + end.minute;
        };
        const int to = minutes(ends[1]);
        int from = minutes(ends[0]);
        // "1-5pm" means 13:00-17:00; "9-1pm" means 09:00-13:00.
        if (ends[0].meridiem.isEmpty() && ends[1].meridiem == QLatin1String("pm") && from < 12 * 60 && from + 12 * 60 < to)
            from += 12 * 60;
        const OpeningHours::Interval interval{QTime(from / 60, from % 60), to >= 24 * 60 ? QTime(23, 59, 59, 999) : QTime(to / 60, to % 60)};
        if (to <= from) {
            *reason = tr("%1 closes before it opens.").arg(OpeningHours::spanText(interval.to.isValid() ? interval
                                                                                                        : OpeningHours::Interval{interval.from, QTime(0, 0)}));
            return std::nullopt;
        }
        spans.append(interval);
        rest = rest.mid(match.capturedLength()).trimmed();
    }
    // Spans that overlap say two different things about the same hour: refused, with both named.
    QList<OpeningHours::Interval> sorted = spans;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.from < b.from; });
    for (qsizetype i = 1; i < sorted.size(); ++i) {
        if (sorted.at(i).from < sorted.at(i - 1).to) {
            *reason = tr("%1 overlaps %2: a day's hours must not cross.").arg(OpeningHours::spanText(sorted.at(i)), OpeningHours::spanText(sorted.at(i - 1)));
            return std::nullopt;
        }
    }
    return spans;
}

} // namespace Mostrador
