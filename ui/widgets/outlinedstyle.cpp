#include "outlinedstyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

namespace Mostrador {

OutlinedStyle::OutlinedStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
}

void OutlinedStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool field = element == PE_FrameLineEdit || element == PE_Frame;
    const bool radio = element == PE_IndicatorRadioButton;
    const bool check = element == PE_IndicatorCheckBox;
    if (!field && !radio && !check)
        return;
    if (option->palette.color(QPalette::Window).lightness() >= 128)
        return; // light windows: Fusion's own edges read well
    const bool focused = option->state & State_HasFocus;
    const bool enabled = option->state & State_Enabled;
    QColor edge = focused ? option->palette.color(QPalette::Highlight).lighter(150) : QColor(0x5b, 0x64, 0x6d);
    if (!enabled)
        edge = QColor(0x3f, 0x45, 0x4b);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(edge, 1));
    painter->setBrush(Qt::NoBrush);
    const QRectF box = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (radio)
        painter->drawEllipse(box.adjusted(1, 1, -1, -1));
    else
        painter->drawRoundedRect(box, 2, 2);
    painter->restore();
}

} // namespace Mostrador
