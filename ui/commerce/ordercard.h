#pragma once

#include "messaging/commerce.h"

#include <QCoreApplication>
#include <QFont>
#include <QPalette>
#include <QSize>

class QPainter;

namespace Mostrador {

// A cart in the thread as the shop needs to read it: each product with its photo, name,
// quantity, unit price and line total, the total in its currency, the customer's note, the
// order's stage (and tracking number once shipped), and that a click changes the stage.
class OrderCard final
{
    Q_DECLARE_TR_FUNCTIONS(Mostrador::OrderCard)

public:
    static constexpr int kPreferredWidth = 340;

    [[nodiscard]] static QSize size(const Order &order, const QFont &font, int maxWidth);
    static void paint(QPainter *painter, const QRect &rect, const Order &order, const QFont &font, const QPalette &palette);
    // What a screen reader, a copy or a search shows for the card.
    [[nodiscard]] static QString text(const Order &order);

private:
    [[nodiscard]] static QString lineName(const OrderLine &line);
    [[nodiscard]] static int noteHeight(const Order &order, const QFont &font, int width);
};

} // namespace Mostrador
