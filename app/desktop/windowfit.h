#pragma once

#include <QRect>
#include <QScreen>
#include <QWidget>

namespace Mostrador {

// The size a window asks for, within the screen (a 1024×600 netbook has little height).
inline void fitToScreen(QWidget *window, const QWidget &over)
{
    const QRect screen = over.screen() ? over.screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    window->resize(std::min(window->width(), screen.width() - 40), std::min(window->height(), screen.height() - 60));
}

} // namespace Mostrador
