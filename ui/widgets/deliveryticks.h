#pragma once

#include "messaging/inboundbatch.h"

#include <QColor>
#include <QPoint>

class QPainter;

namespace Mostrador {

// The familiar ticks of an outgoing message: a clock while pending, one tick sent, two
// delivered, two blue read, a red mark when it failed.
namespace DeliveryTicks {

// Paints at `leftCentre` and returns the width used.
int paint(QPainter *painter, QPoint leftCentre, DeliveryStatus status, const QColor &color);

} // namespace DeliveryTicks

} // namespace Mostrador
