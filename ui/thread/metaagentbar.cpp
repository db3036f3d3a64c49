#include "metaagentbar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Mostrador {

MetaAgentBar::MetaAgentBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_takeOver(new QPushButton(this))
{
    setObjectName(QStringLiteral("metaAgentBar"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_takeOver->setObjectName(QStringLiteral("takeOverButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_takeOver, 0, Qt::AlignVCenter);
    connect(m_takeOver, &QPushButton::clicked, this, &MetaAgentBar::takeOverRequested);
    retranslate();
}

void MetaAgentBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void MetaAgentBar::retranslate()
{
    m_text->setText(tr("Meta's AI agent is answering this customer. Its replies and the customer's messages appear here; "
                       "nothing is sent automatically. Write to take the conversation back."));
    m_takeOver->setText(tr("Take over"));
    m_takeOver->setToolTip(tr("Your next message takes the conversation back from Meta's AI agent"));
}

} // namespace Mostrador
