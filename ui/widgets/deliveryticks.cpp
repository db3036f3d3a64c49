#include "deliveryticks.h"

#include <QPainter>
#include <QPainterPath>

namespace Mostrador::DeliveryTicks {

namespace {

void tick(QPainter *painter, QPointF at)
{
    QPainterPath path;
    path.moveTo(at + QPointF(0, 0));
    path.lineTo(at + QPointF(3.5, 3.5));
    path.lineTo(at + QPointF(10, -4));
    painter->drawPath(path);
}

} // namespace

int paint(QPainter *painter, QPoint leftCentre, DeliveryStatus status, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    QPen pen(color, 1.6);
    int width = 0;
    switch (status) {
    case DeliveryStatus::Failed: {
        pen.setColor(QColor(0xd0, 0x3b, 0x3b));
        painter->setPen(pen);
        painter->setBrush(QColor(0xd0, 0x3b, 0x3b));
        painter->drawEllipse(QPointF(leftCentre) + QPointF(6, 0), 6, 6);
        painter->setPen(QPen(Qt::white, 1.8));
        painter->drawLine(QPointF(leftCentre) + QPointF(6, -3), QPointF(leftCentre) + QPointF(6, 1));
        painter->drawPoint(QPointF(leftCentre) + QPointF(6, 3.5));
        width = 12;
        break;
    }
    case DeliveryStatus::None:
    case DeliveryStatus::Pending:
        painter->setPen(pen);
        painter->drawEllipse(QPointF(leftCentre) + QPointF(6, 0), 5, 5);
        painter->drawLine(QPointF(leftCentre) + QPointF(6, 0), QPointF(leftCentre) + QPointF(6, -3));
        painter->drawLine(QPointF(leftCentre) + QPointF(6, 0), QPointF(leftCentre) + QPointF(8, 1));
        width = 12;
        break;
    case DeliveryStatus::Sent:
        painter->setPen(pen);
        tick(painter, QPointF(leftCentre) + QPointF(1, 0));
        width = 12;
        break;
    case DeliveryStatus::Delivered:
    case DeliveryStatus::Read:
    case DeliveryStatus::Played:
        if (status != DeliveryStatus::Delivered)
            pen.setColor(QColor(0x2b, 0x8a, 0xe8));
        painter->setPen(pen);
        tick(painter, QPointF(leftCentre) + QPointF(1, 0));
        tick(painter, QPointF(leftCentre) + QPointF(6, 0));
        width = 17;
        break;
    }
    painter->restore();
    return width;
}

} // namespace Mostrador::DeliveryTicks
