#include "heatmapwidget.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace Mostrador {

namespace {

constexpr int kHeaderHeight = 18;
constexpr int kLegendHeight = 22;

} // namespace

HeatMapWidget::HeatMapWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void HeatMapWidget::setData(const Grid &messages, const OpenGrid &open, bool hasOpeningHours)
{
    m_messages = messages;
    m_open = open;
    m_hasOpeningHours = hasOpeningHours;
    m_most = 0;
    for (const auto &day : m_messages) {
        for (int count : day)
            m_most = std::max(m_most, count);
    }
    update();
}

QSize HeatMapWidget::sizeHint() const
{
    return {labelWidth() + 24 * 26, kHeaderHeight + 7 * 24 + kLegendHeight};
}

QSize HeatMapWidget::minimumSizeHint() const
{
    return {labelWidth() + 24 * 14, kHeaderHeight + 7 * 18 + kLegendHeight};
}

int HeatMapWidget::labelWidth() const
{
    int widest = 0;
    for (int day = 1; day <= 7; ++day)
        widest = std::max(widest, fontMetrics().horizontalAdvance(QLocale().dayName(day, QLocale::ShortFormat)));
    return widest + 10;
}

QRect HeatMapWidget::cell(int day, int hour) const
{
    const int left = labelWidth();
    const double width = double(this->width() - left) / 24.0;
    const double height = double(this->height() - kHeaderHeight - kLegendHeight) / 7.0;
    return QRectF(left + hour * width, kHeaderHeight + day * height, width, height).toAlignedRect().adjusted(1, 1, -1, -1);
}

void HeatMapWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPalette colours = palette();
    const bool dark = colours.color(QPalette::Window).lightness() < 128;
    const QColor empty = dark ? QColor(0x2a, 0x2f, 0x36) : QColor(0xee, 0xf1, 0xf4);
    const QColor full = dark ? QColor(0x4d, 0xd0, 0x8a) : QColor(0x12, 0x8c, 0x4a);
    const QColor outline = dark ? QColor(0xf5, 0xc2, 0x42) : QColor(0xb0, 0x6a, 0x00);

    painter.setPen(colours.color(QPalette::WindowText));
    for (int hour = 0; hour < 24; hour += 3) {
        const QRect at = cell(0, hour);
        painter.drawText(QRect(at.left(), 0, at.width() * 3, kHeaderHeight), Qt::AlignLeft | Qt::AlignVCenter, QString::number(hour));
    }
    for (int day = 0; day < 7; ++day) {
        const QRect row = cell(day, 0);
        painter.setPen(colours.color(QPalette::WindowText));
        painter.drawText(QRect(0, row.top(), labelWidth() - 6, row.height()), Qt::AlignRight | Qt::AlignVCenter,
                         QLocale().dayName(day + 1, QLocale::ShortFormat));
        for (int hour = 0; hour < 24; ++hour) {
            const QRect box = cell(day, hour);
            const double share = m_most ? double(m_messages[day][hour]) / m_most : 0.0;
            QColor fill = empty;
            if (m_messages[day][hour] > 0) {
                const double weight = 0.2 + 0.8 * share;
                fill = QColor::fromRgbF(float(empty.redF() + (full.redF() - empty.redF()) * weight),
                                        float(empty.greenF() + (full.greenF() - empty.greenF()) * weight),
                                        float(empty.blueF() + (full.blueF() - empty.blueF()) * weight));
            }
            painter.fillRect(box, fill);
            if (m_hasOpeningHours && m_open[day][hour]) {
                painter.setPen(QPen(outline, 2));
                painter.drawLine(box.bottomLeft() + QPoint(0, 1), box.bottomRight() + QPoint(0, 1));
            }
        }
    }
    const int legendTop = height() - kLegendHeight + 4;
    painter.setPen(colours.color(QPalette::WindowText));
    QString legend = tr("Stronger colour: more customer messages in that hour (most: %1).").arg(m_most);
    if (m_hasOpeningHours) {
        painter.setPen(QPen(outline, 2));
        painter.drawLine(labelWidth(), legendTop + 8, labelWidth() + 18, legendTop + 8);
        painter.setPen(colours.color(QPalette::WindowText));
        legend += QLatin1Char(' ') + tr("Underlined: open.");
    }
    painter.drawText(QRect(labelWidth() + (m_hasOpeningHours ? 24 : 0), legendTop, width(), kLegendHeight - 4), Qt::AlignLeft | Qt::AlignVCenter,
                     legend);
}

bool HeatMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const QPoint at = static_cast<QHelpEvent *>(event)->pos();
        for (int day = 0; day < 7; ++day) {
            for (int hour = 0; hour < 24; ++hour) {
                if (!cell(day, hour).contains(at))
                    continue;
                QString text = tr("%1, %2:00–%3:00: %n customer message(s)", nullptr, m_messages[day][hour])
                                   .arg(QLocale().dayName(day + 1))
                                   .arg(hour)
                                   .arg(hour + 1);
                if (m_hasOpeningHours)
                    text += QLatin1Char('\n') + (m_open[day][hour] ? tr("Open") : tr("Closed"));
                QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), text, this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace Mostrador
