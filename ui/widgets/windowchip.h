#pragma once

#include "window/windowtracker.h"

#include <QColor>
#include <QDateTime>
#include <QString>

namespace Mostrador {

// How the 24-hour window is shown everywhere: the words and the colour of its chip.
struct WindowChip {
    QString text;
    QColor background;
    QColor foreground;

    [[nodiscard]] static WindowChip forWindow(ServiceWindow::State state, const QDateTime &openUntil, const QDateTime &now);
    // In place of the window: a customer on the block list can neither write nor be written to.
    [[nodiscard]] static WindowChip blocked();
};

} // namespace Mostrador
