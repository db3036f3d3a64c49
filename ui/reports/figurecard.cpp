#include "figurecard.h"

#include "reporttext.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace Mostrador {

FigureCard::FigureCard(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_value(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_change(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setMinimumWidth(170);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(2);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.7);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    for (QLabel *label : {m_title, m_value, m_detail, m_change})
        label->setWordWrap(true);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addWidget(m_change);
    layout->addStretch();
    applyColours();
}

void FigureCard::setTitle(const QString &title)
{
    m_title->setText(title);
    setAccessibleName(title);
}

void FigureCard::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setAccessibleDescription(value + QLatin1Char(' ') + detail);
}

void FigureCard::setComparison(const std::optional<double> &now, const std::optional<double> &before, Better better)
{
    const QString text = ReportText::change(now, before);
    m_change->setText(text);
    m_change->setVisible(!text.isEmpty());
    m_trend = 0;
    if (now && before && *now != *before && !text.isEmpty() && *before != 0 && better != Better::Neither)
        m_trend = (better == Better::Lower ? *now < *before : *now > *before) ? 1 : -1;
    applyColours();
}

void FigureCard::setClickable(bool clickable)
{
    m_clickable = clickable;
    setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

QString FigureCard::value() const
{
    return m_value->text();
}

void FigureCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_clickable && event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked();
    QFrame::mouseReleaseEvent(event);
}

void FigureCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QFrame::changeEvent(event);
}

void FigureCard::applyColours()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette cardPalette = palette();
    cardPalette.setColor(QPalette::Window, palette().color(QPalette::Base));
    setPalette(cardPalette);
    QPalette muted = m_title->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_title->setPalette(muted);
    m_detail->setPalette(muted);
    QPalette trend = m_change->palette();
    const QColor good = dark ? QColor(0x7d, 0xd8, 0x8f) : QColor(0x1b, 0x7a, 0x33);
    const QColor bad = dark ? QColor(0xff, 0x9a, 0x8f) : QColor(0xb3, 0x26, 0x1e);
    trend.setColor(QPalette::WindowText, m_trend > 0 ? good : m_trend < 0 ? bad : palette().color(QPalette::PlaceholderText));
    m_change->setPalette(trend);
}

} // namespace Mostrador
