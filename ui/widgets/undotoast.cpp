#include "undotoast.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Mostrador {

namespace {
constexpr int kShownMs = 8000;
}

UndoToast::UndoToast(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_undo(new QPushButton(this))
{
    setObjectName(QStringLiteral("undoToast"));
    m_undo->setObjectName(QStringLiteral("undoButton"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    m_text->setForegroundRole(QPalette::ToolTipText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 6, 8, 6);
    layout->addWidget(m_text);
    layout->addWidget(m_undo);
    m_hide.setSingleShot(true);
    m_hide.setInterval(kShownMs);
    m_hide.callOnTimeout(this, &QWidget::hide);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT undoRequested();
    });
    parent->installEventFilter(this);
    m_undo->setText(tr("Undo"));
    hide();
}

void UndoToast::offer(const QString &text)
{
    m_text->setText(text);
    setAccessibleName(text);
    adjustSize();
    place();
    show();
    raise();
    m_hide.start();
}

QString UndoToast::text() const
{
    return isVisible() ? m_text->text() : QString();
}

void UndoToast::place()
{
    // Bottom left, over the end of the conversation list (the list is what changed), never over
    // the message box.
    const QWidget *area = parentWidget();
    move(12, area->height() - height() - 12);
}

bool UndoToast::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        place();
    return QFrame::eventFilter(watched, event);
}

void UndoToast::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_undo->setText(tr("Undo"));
    QFrame::changeEvent(event);
}

} // namespace Mostrador
