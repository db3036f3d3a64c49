#include "noticebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Mostrador {

NoticeBanner::NoticeBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("noticeBanner"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismiss->setObjectName(QStringLiteral("dismissNotice"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_dismiss, 0, Qt::AlignVCenter);
    connect(m_dismiss, &QToolButton::clicked, this, &NoticeBanner::dismiss);
    applyColours();
    retranslate();
    hide();
}

void NoticeBanner::showNotice(const QString &text)
{
    if (text.isEmpty())
        return;
    if (isVisible() && text != m_latest)
        ++m_earlier;
    m_latest = text;
    retranslate();
    show();
}

QString NoticeBanner::text() const
{
    return isVisible() ? m_latest : QString();
}

void NoticeBanner::dismiss()
{
    m_earlier = 0;
    m_latest.clear();
    hide();
}

void NoticeBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColours();
    QFrame::changeEvent(event);
}

void NoticeBanner::applyColours()
{
    // An amber band readable on both appearances: light text on a dark amber, dark on a pale one.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette colours = palette();
    colours.setColor(QPalette::Window, dark ? QColor(0x5c, 0x44, 0x0b) : QColor(0xfd, 0xf0, 0xc8));
    colours.setColor(QPalette::WindowText, dark ? QColor(0xfb, 0xf1, 0xd9) : QColor(0x3d, 0x2c, 0x00));
    setPalette(colours);
}

void NoticeBanner::retranslate()
{
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Hide this message"));
    m_text->setText(m_earlier > 0 ? tr("%1 (and %n earlier message(s))", nullptr, m_earlier).arg(m_latest) : m_latest);
}

} // namespace Mostrador
