#include "stagechip.h"

#include <QFontMetrics>
#include <QPainter>

namespace Mostrador::StageChip {

QColor color(OrderStage stage)
{
    switch (stage) {
    case OrderStage::New:
        return QColor(0x3b, 0x82, 0xc4);
    case OrderStage::PendingPayment:
        return QColor(0xb8, 0x86, 0x00);
    case OrderStage::Paid:
        return QColor(0x1f, 0xa6, 0x7a);
    case OrderStage::Shipped:
        return QColor(0x8e, 0x5b, 0xb5);
    case OrderStage::Delivered:
        return QColor(0x4f, 0x7a, 0x3a);
    case OrderStage::Cancelled:
        return QColor(0x8a, 0x8a, 0x8a);
    }
    return Qt::gray;
}

QRect paint(QPainter *painter, const QFont &font, OrderStage stage, int right, int centerY)
{
    const QString text = orderStageText(stage);
    const QFontMetrics metrics(font);
    QRect chip(0, 0, metrics.horizontalAdvance(text) + 16, metrics.height() + 4);
    chip.moveRight(right);
    chip.moveTop(centerY - chip.height() / 2);
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(color(stage));
    painter->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(chip, Qt::AlignCenter, text);
    painter->restore();
    return chip;
}

} // namespace Mostrador::StageChip
