#include "ordercard.h"

#include "widgets/stagechip.h"

#include <QCache>
#include <QFontMetrics>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Mostrador {

namespace {

constexpr int kPhoto = 40;
constexpr int kRowGap = 6;

QFont smaller(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

// A product's photo at the card's size, read from disk once.
QImage photoOf(const QString &path)
{
    static QCache<QString, QImage> photos(200);
    if (path.isEmpty())
        return {};
    if (const QImage *cached = photos.object(path))
        return *cached;
    const QImage image(path);
    if (image.isNull())
        return {};
    auto *scaled = new QImage(image.scaled(QSize(kPhoto, kPhoto) * 2, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation));
    const QImage copy = *scaled;
    photos.insert(path, scaled);
    return copy;
}

QFont bold(const QFont &font)
{
    QFont strong = font;
    strong.setBold(true);
    return strong;
}

} // namespace

QString OrderCard::lineName(const OrderLine &line)
{
    return line.name.isEmpty() ? tr("Product %1 (not in the catalog)").arg(line.retailerId) : line.name;
}

int OrderCard::noteHeight(const Order &order, const QFont &font, int width)
{
    if (order.note.isEmpty())
        return 0;
    const QFontMetrics metrics(font);
    return metrics.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, QStringLiteral("“%1”").arg(order.note)).height() + kRowGap;
}

QSize OrderCard::size(const Order &order, const QFont &font, int maxWidth)
{
    const QFontMetrics metrics(font);
    const QFontMetrics small(smaller(font));
    const int width = std::min(maxWidth, kPreferredWidth);
    const int rowHeight = std::max(kPhoto, metrics.height() + small.height()) + kRowGap;
    int height = metrics.height() + 8 + kRowGap;                         // title and stage
    height += int(order.lines.size()) * rowHeight;                        // products
    height += metrics.height() + 2 * kRowGap;                             // total
    height += noteHeight(order, font, width);
    if (!order.tracking.isEmpty())
        height += small.height() + kRowGap;
    height += small.height();                                             // what a click does
    return {width, height};
}

void OrderCard::paint(QPainter *painter, const QRect &rect, const Order &order, const QFont &font, const QPalette &palette)
{
    painter->save();
    const QFont small = smaller(font);
    const QFontMetrics metrics(font);
    const QFontMetrics smallMetrics(small);
    const QColor muted = palette.color(QPalette::PlaceholderText);
    const QLocale locale;
    int y = rect.top();

    // "🛒 Order 12" and its stage.
    painter->setFont(bold(font));
    painter->setPen(palette.color(QPalette::Text));
    const QRect chip = StageChip::paint(painter, small, order.stage, rect.right(), y + (metrics.height() + 8) / 2);
    painter->setFont(bold(font));
    painter->drawText(QRect(rect.left(), y, chip.left() - rect.left() - 6, metrics.height() + 8), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(order.number(), Qt::ElideRight, chip.left() - rect.left() - 6));
    y += metrics.height() + 8 + kRowGap;

    const int rowHeight = std::max(kPhoto, metrics.height() + smallMetrics.height()) + kRowGap;
    for (const OrderLine &line : order.lines) {
        const QRect photo(rect.left(), y, kPhoto, kPhoto);
        const QImage image = photoOf(line.imagePath);
        QPainterPath clip;
        clip.addRoundedRect(photo, 6, 6);
        painter->save();
        painter->setClipPath(clip);
        if (image.isNull()) {
            painter->fillRect(photo, palette.color(QPalette::AlternateBase));
        } else {
            // The middle of the photo, square, as the customer's cart shows it.
            const int side = std::min(image.width(), image.height());
            painter->drawImage(photo, image, QRect((image.width() - side) / 2, (image.height() - side) / 2, side, side));
        }
        painter->restore();
        const QString total = Money::format(line.lineCents(), line.currency, locale);
        painter->setFont(font);
        const int totalWidth = metrics.horizontalAdvance(total);
        const int textLeft = photo.right() + 10;
        const int textWidth = rect.right() - textLeft - totalWidth - 10;
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(QRect(textLeft, y, textWidth, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(lineName(line), Qt::ElideRight, textWidth));
        painter->drawText(QRect(rect.right() - totalWidth, y, totalWidth, metrics.height()), Qt::AlignRight | Qt::AlignVCenter, total);
        painter->setFont(small);
        painter->setPen(muted);
        painter->drawText(QRect(textLeft, y + metrics.height(), textWidth, smallMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          tr("%1 × %2").arg(line.quantity).arg(Money::format(line.unitCents, line.currency, locale)));
        y += rowHeight;
    }

    painter->setPen(QPen(palette.color(QPalette::Midlight), 1));
    painter->drawLine(rect.left(), y, rect.right(), y);
    y += kRowGap;
    painter->setFont(bold(font));
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRect(rect.left(), y, rect.width(), metrics.height()), Qt::AlignLeft | Qt::AlignVCenter, tr("Total"));
    painter->drawText(QRect(rect.left(), y, rect.width(), metrics.height()), Qt::AlignRight | Qt::AlignVCenter,
                      Money::format(order.totalCents, order.currency, locale));
    y += metrics.height() + kRowGap;

    if (const int height = noteHeight(order, font, rect.width())) {
        QFont italic = font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->drawText(QRect(rect.left(), y, rect.width(), height), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                          QStringLiteral("“%1”").arg(order.note));
        y += height;
    }
    painter->setFont(small);
    painter->setPen(muted);
    if (!order.tracking.isEmpty()) {
        painter->drawText(QRect(rect.left(), y, rect.width(), smallMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          tr("Tracking number: %1").arg(order.tracking));
        y += smallMetrics.height() + kRowGap;
    }
    painter->drawText(QRect(rect.left(), y, rect.width(), smallMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(tr("Click for its stage, payment details, shipping…"), Qt::ElideRight, rect.width()));
    painter->restore();
}

QString OrderCard::text(const Order &order)
{
    QStringList lines{order.number() + QStringLiteral(" · ") + orderStageText(order.stage)};
    for (const OrderLine &line : order.lines)
        lines << tr("%1 × %2 — %3").arg(line.quantity).arg(lineName(line), Money::format(line.lineCents(), line.currency));
    lines << tr("Total: %1").arg(Money::format(order.totalCents, order.currency));
    if (!order.note.isEmpty())
        lines << QStringLiteral("“%1”").arg(order.note);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Mostrador
