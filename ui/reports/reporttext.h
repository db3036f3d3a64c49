#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Mostrador {

// How report figures read to a shop owner, in the language and number format of the app.
class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(ReportText)

public:
    // "45 s", "12 min", "3 h 20 min", "2 d 4 h"; "—" when there is nothing to measure.
    [[nodiscard]] static QString duration(const std::optional<double> &seconds);
    // "nov. 2026" for "2026-11".
    [[nodiscard]] static QString month(const QString &yearMonth);
    // "▲ 20 % vs the previous period" (an empty string when there is nothing to compare).
    [[nodiscard]] static QString change(const std::optional<double> &now, const std::optional<double> &before);
};

} // namespace Mostrador
