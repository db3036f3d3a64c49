#pragma once

#include "messaging/commerce.h"

#include <QColor>
#include <QRect>

class QPainter;
class QFont;

namespace Mostrador {

// An order's stage as a coloured chip, the same everywhere it appears (the cart card, the
// customer panel, Shop ▸ Orders); the colours match the stage labels the shop already knows.
namespace StageChip {

[[nodiscard]] QColor color(OrderStage stage);
// Paints the chip with its right edge at `right`, centred on `centerY`; returns its rectangle.
QRect paint(QPainter *painter, const QFont &font, OrderStage stage, int right, int centerY);

} // namespace StageChip

} // namespace Mostrador
