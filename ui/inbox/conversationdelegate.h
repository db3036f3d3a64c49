#pragma once

#include <QStyledItemDelegate>

namespace Mostrador {

class Clock;

// One row of the inbox: avatar initials, name, time, last message with its ticks, unread
// count and the 24-hour window chip.
class ConversationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ConversationDelegate(const Clock &clock, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const Clock &m_clock;
};

} // namespace Mostrador
