#pragma once

#include <QColor>
#include <QPalette>

namespace Mostrador {

// The background of a selected row: a soft tint of the highlight in light palettes, the
// highlight itself in dark ones, so the row's text stays readable in both.
inline QColor selectionColor(const QPalette &palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    return palette.color(QPalette::Base).lightness() > 128 ? highlight.lighter(170) : highlight;
}

} // namespace Mostrador
