#include "placeholderpane.h"

#include "emptystate.h"

#include <QEvent>
#include <QVBoxLayout>

namespace Mostrador {

PlaceholderPane::PlaceholderPane(const QString &objectName, QPalette::ColorRole background, TextSource texts,
                                 QWidget *parent)
    : QWidget(parent)
    , m_texts(std::move(texts))
    , m_emptyState(new EmptyState(this))
{
    setObjectName(objectName);
    setMinimumWidth(220);
    setBackgroundRole(background);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyState);
    retranslate();
}

QString PlaceholderPane::title() const
{
    return m_emptyState->title();
}

void PlaceholderPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PlaceholderPane::retranslate()
{
    const Texts texts = m_texts();
    m_emptyState->setTitle(texts.title);
    m_emptyState->setText(texts.text);
}

} // namespace Mostrador
