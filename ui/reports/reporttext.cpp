#include "reporttext.h"

#include <QDate>
#include <QLocale>

#include <cmath>

namespace Mostrador {

QString ReportText::duration(const std::optional<double> &seconds)
{
    if (!seconds)
        return QStringLiteral("—");
    const auto total = qint64(std::llround(*seconds));
    if (total < 60)
        return tr("%1 s").arg(total);
    const qint64 minutes = total / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return minutes % 60 ? tr("%1 h %2 min").arg(hours).arg(minutes % 60) : tr("%1 h").arg(hours);
    return hours % 24 ? tr("%1 d %2 h").arg(hours / 24).arg(hours % 24) : tr("%1 d").arg(hours / 24);
}

QString ReportText::month(const QString &yearMonth)
{
    const QDate first = QDate::fromString(yearMonth + QStringLiteral("-01"), Qt::ISODate);
    return first.isValid() ? QLocale().toString(first, QStringLiteral("MMM yyyy")) : yearMonth;
}

QString ReportText::change(const std::optional<double> &now, const std::optional<double> &before)
{
    if (!now || !before)
        return {};
    if (*before == 0)
        return *now == 0 ? tr("same as the previous period") : QString();
    const double percent = (*now - *before) / *before * 100.0;
    if (std::abs(percent) < 0.5)
        return tr("same as the previous period");
    const QString amount = QLocale().toString(std::abs(percent), 'f', 0);
    return (percent > 0 ? tr("▲ %1 % vs the previous period") : tr("▼ %1 % vs the previous period")).arg(amount);
}

} // namespace Mostrador
