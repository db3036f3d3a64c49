#pragma once

#include <QProxyStyle>

namespace Mostrador {

// Fusion with the edges of fields, check boxes and radio buttons drawn where the eye finds them
// on a dark window: Fusion outlines them a shade darker than the window, which on a dark
// window is no line at all (the search box, the notes, the radio buttons disappeared).
class OutlinedStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    OutlinedStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace Mostrador
