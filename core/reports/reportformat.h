#pragma once

#include "shopreport.h"

#include <QByteArray>
#include <QJsonObject>

namespace Mostrador::ReportFormat {

// The report as `mostrador-server report` prints it. Keys are named after README's definitions
// (reply_time.median, unanswered, lost…); durations are seconds; times are ISO 8601 with the
// shop's offset; a figure that cannot be known (business hours without opening hours) is null.
[[nodiscard]] QJsonObject toJson(const ShopReport &report);

// The same figures as rows "figure,value" (dotted names, one per line) for a spreadsheet.
[[nodiscard]] QByteArray toCsv(const ShopReport &report);

} // namespace Mostrador::ReportFormat
