#include "quickreplylist.h"

#include <QEvent>

namespace Mostrador {

namespace {

constexpr int kVisibleRows = 5;

} // namespace

QuickReplyList::QuickReplyList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("quickReplyList"));
    setFocusPolicy(Qt::NoFocus); // typing stays in the text box
    setUniformItemSizes(true);
    setTextElideMode(Qt::ElideRight);
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int index = row(item);
        if (index >= 0 && index < m_shown.size())
            Q_EMIT chosen(m_shown.at(index));
    });
    setAccessibleName(tr("Quick replies"));
    hide();
}

void QuickReplyList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        setAccessibleName(tr("Quick replies"));
    QListWidget::changeEvent(event);
}

void QuickReplyList::showMatches(const QString &typed)
{
    const bool asking = typed.startsWith(QLatin1Char('/')) && !typed.contains(QLatin1Char('\n')) && !m_replies.isEmpty();
    m_shown = asking ? QuickReplies::matching(m_replies, typed) : QList<QuickReply>{};
    clear();
    for (const QuickReply &reply : std::as_const(m_shown)) {
        auto *item = new QListWidgetItem(QStringLiteral("/%1 — %2").arg(reply.shortcut, reply.title.isEmpty() ? reply.body : reply.title), this);
        item->setToolTip(reply.body);
    }
    setVisible(!m_shown.isEmpty());
    if (m_shown.isEmpty())
        return;
    setCurrentRow(0);
    setFixedHeight(sizeHintForRow(0) * std::min<int>(kVisibleRows, int(m_shown.size())) + 2 * frameWidth());
}

void QuickReplyList::moveSelection(int step)
{
    if (count() > 0)
        setCurrentRow(std::clamp(currentRow() + step, 0, count() - 1));
}

std::optional<QuickReply> QuickReplyList::current() const
{
    const int index = currentRow();
    if (isHidden() || index < 0 || index >= m_shown.size())
        return std::nullopt;
    return m_shown.at(index);
}

} // namespace Mostrador
