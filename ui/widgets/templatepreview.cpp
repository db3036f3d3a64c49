#include "templatepreview.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Mostrador {

TemplatePreview::TemplatePreview(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("templatePreview"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_image = new QLabel(this);
    m_image->setAlignment(Qt::AlignCenter);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("previewHeader"));
    m_header->setWordWrap(true);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    m_body = new QLabel(this);
    m_body->setObjectName(QStringLiteral("previewBody"));
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_footer = new QLabel(this);
    m_footer->setObjectName(QStringLiteral("previewFooter"));
    m_footer->setWordWrap(true);
    m_footer->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_footer->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_footer->setFont(small);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(6);
    layout->addWidget(m_image);
    layout->addWidget(m_header);
    layout->addWidget(m_body);
    layout->addWidget(m_footer);
    m_buttons = new QVBoxLayout;
    m_buttons->setSpacing(0);
    layout->addLayout(m_buttons);
}

void TemplatePreview::showMessage(const QString &header, const QPixmap &headerImage, const QString &body, const QString &footer,
                           const QStringList &buttons)
{
    m_image->setVisible(!headerImage.isNull());
    if (!headerImage.isNull())
        m_image->setPixmap(headerImage.scaled(280, 160, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    m_header->setVisible(!header.isEmpty());
    m_header->setText(header);
    m_body->setText(body);
    m_footer->setVisible(!footer.isEmpty());
    m_footer->setText(footer);
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QString &text : buttons) {
        auto *line = new QFrame(this);
        line->setFrameShape(QFrame::HLine);
        line->setForegroundRole(QPalette::Mid);
        m_buttons->addWidget(line);
        auto *button = new QLabel(text, this);
        button->setObjectName(QStringLiteral("previewButton"));
        button->setAlignment(Qt::AlignCenter);
        // WhatsApp's button blue, kept readable on a dark background.
        QPalette colours = button->palette();
        QColor link = palette().color(QPalette::Link);
        if (palette().color(QPalette::Base).lightness() < 128 && link.lightness() < 140)
            link = QColor(0x53, 0xbd, 0xeb);
        colours.setColor(QPalette::Link, link);
        button->setPalette(colours);
        button->setForegroundRole(QPalette::Link);
        button->setContentsMargins(0, 6, 0, 2);
        m_buttons->addWidget(button);
    }
}

} // namespace Mostrador
