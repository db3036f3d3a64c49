#pragma once

#include "openinghours.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Mostrador {

// A day's opening hours as people type them — "09:00-13:00 16:00-20:00", "9-13", "9:30-13",
// "9 a 13 y 16 a 20", "9am-1pm", "9 h - 13 h", "9.30–13" — read into spans, or the first thing
// wrong with them said plainly: "25:00 does not exist", "13:00-09:00 closes before it opens",
// "10:00-14:00 overlaps 09:00-20:00".
class SpanReader
{
    Q_DECLARE_TR_FUNCTIONS(OpeningHours)

public:
    // The spans in the order written; nothing, with the reason, when the text cannot be read.
    [[nodiscard]] static std::optional<QList<OpeningHours::Interval>> read(const QString &text, QString *reason);
};

} // namespace Mostrador
