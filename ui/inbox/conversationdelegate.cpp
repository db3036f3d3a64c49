#include "conversationdelegate.h"

#include "common/clock.h"
#include "widgets/selectioncolor.h"
#include "inbox/conversationlistmodel.h"
#include "widgets/deliveryticks.h"
#include "widgets/windowchip.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Mostrador {

namespace {

constexpr int kRowHeight = 68;
constexpr int kAvatar = 42;
constexpr int kMargin = 10;

QColor avatarColor(const QString &name)
{
    static const QColor palette[] = {QColor(0x1f, 0xa6, 0x7a), QColor(0x3b, 0x82, 0xc4), QColor(0xc2, 0x6a, 0x2e),
                                     QColor(0x8e, 0x5b, 0xb5), QColor(0xc0, 0x3e, 0x5a), QColor(0x2e, 0x8b, 0x99)};
    return palette[qHash(name) % std::size(palette)];
}

QString shortTime(const QDateTime &at, const QDateTime &now)
{
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    if (local.date() == now.toLocalTime().date())
        return locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date().daysTo(now.toLocalTime().date()) < 7)
        return locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
    return locale.toString(local.date(), QLocale::ShortFormat);
}

} // namespace

ConversationDelegate::ConversationDelegate(const Clock &clock, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_clock(clock)
{
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), kRowHeight};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    painter->fillRect(option.rect, selected ? selectionColor(palette) : palette.color(QPalette::Base));
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = palette.color(QPalette::PlaceholderText);

    const QString name = index.data(ConversationListModel::CustomerNameRole).toString();
    const QRect avatar(option.rect.left() + kMargin, option.rect.top() + (kRowHeight - kAvatar) / 2, kAvatar, kAvatar);
    painter->setPen(Qt::NoPen);
    painter->setBrush(avatarColor(name));
    painter->drawEllipse(avatar);
    QFont font = option.font;
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(avatar, Qt::AlignCenter, index.data(ConversationListModel::InitialsRole).toString());

    const QDateTime now = m_clock.now();
    const int left = avatar.right() + kMargin;
    const int right = option.rect.right() - kMargin;
    const QFontMetrics bold(font);
    const QString time = shortTime(index.data(ConversationListModel::LastMessageAtRole).toDateTime(), now);
    const int unread = index.data(ConversationListModel::UnreadCountRole).toInt();

    // First line: name and time.
    const QRect firstLine(left, option.rect.top() + 10, right - left, bold.height());
    const QStringList labelColors = index.data(ConversationListModel::LabelColorsRole).toStringList();
    const int dots = int(labelColors.size()) * 12;
    painter->setPen(text);
    const QString shownName = bold.elidedText(name, Qt::ElideRight, firstLine.width() - bold.horizontalAdvance(time) - 8 - dots);
    painter->drawText(firstLine.adjusted(0, 0, -bold.horizontalAdvance(time) - 8, 0), Qt::AlignLeft | Qt::AlignVCenter, shownName);
    // One dot per label, in the label's colour, after the name.
    int dotLeft = firstLine.left() + bold.horizontalAdvance(shownName) + 8;
    for (const QString &color : labelColors) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(color));
        painter->drawEllipse(QPoint(dotLeft + 4, firstLine.center().y() + 1), 4, 4);
        dotLeft += 12;
    }
    font.setBold(unread > 0);
    painter->setFont(font);
    painter->setPen(unread > 0 ? QColor(0x1f, 0xa6, 0x7a) : muted);
    painter->drawText(firstLine, Qt::AlignRight | Qt::AlignVCenter, time);

    // Second line: ticks of our last message, preview, unread badge, window chip.
    font.setBold(false);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const QRect secondLine(left, firstLine.bottom() + 6, right - left, metrics.height());
    int textLeft = secondLine.left();
    const bool answeredAutomatically = index.data(ConversationListModel::AnsweredAutomaticallyRole).toBool();
    if (!answeredAutomatically
        && index.data(ConversationListModel::LastDirectionRole).value<Direction>() == Direction::Outbound) {
        const auto status = index.data(ConversationListModel::LastStatusRole).value<DeliveryStatus>();
        textLeft += DeliveryTicks::paint(painter, QPoint(textLeft, secondLine.center().y()), status, muted) + 4;
    }

    const WindowChip chip = index.data(ConversationListModel::BlockedRole).toBool()
                                ? WindowChip::blocked()
                                : WindowChip::forWindow(index.data(ConversationListModel::WindowStateRole).value<ServiceWindow::State>(),
                                                        index.data(ConversationListModel::WindowOpenUntilRole).toDateTime(), now);
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    const int chipWidth = smallMetrics.horizontalAdvance(chip.text) + 12;
    int badgeWidth = 0;
    if (unread > 0)
        badgeWidth = std::max(20, smallMetrics.horizontalAdvance(QString::number(unread)) + 10);
    int reserved = chipWidth + (badgeWidth ? badgeWidth + 6 : 0) + 8;
    // The customer's words, and a mark that the shop's automatic reply went after them.
    if (answeredAutomatically) {
        const QString mark = tr("↩ auto");
        const int markWidth = smallMetrics.horizontalAdvance(mark);
        if (secondLine.right() - textLeft - reserved - markWidth > 40) {
            QFont italic = small;
            italic.setItalic(true);
            painter->setFont(italic);
            painter->setPen(muted);
            const QRect markRect(secondLine.right() - reserved - markWidth, secondLine.top(), markWidth + 4, secondLine.height());
            painter->drawText(markRect, Qt::AlignLeft | Qt::AlignVCenter, mark);
            painter->setFont(font);
            reserved += markWidth + 8;
        }
    }
    painter->setPen(muted);
    painter->drawText(QRect(textLeft, secondLine.top(), secondLine.right() - textLeft - reserved, secondLine.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(index.data(ConversationListModel::PreviewRole).toString().simplified(), Qt::ElideRight,
                                         secondLine.right() - textLeft - reserved));

    painter->setFont(small);
    QRect chipRect(secondLine.right() - chipWidth, secondLine.center().y() - smallMetrics.height() / 2 - 2, chipWidth,
                   smallMetrics.height() + 4);
    if (badgeWidth) {
        const QRect badge(secondLine.right() - badgeWidth, chipRect.top(), badgeWidth, chipRect.height());
        chipRect.moveRight(badge.left() - 6);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x1f, 0xa6, 0x7a));
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, QString::number(unread));
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(chip.background);
    painter->drawRoundedRect(chipRect, 4, 4);
    painter->setPen(chip.foreground);
    painter->drawText(chipRect, Qt::AlignCenter, chip.text);

    painter->setPen(palette.color(QPalette::Midlight));
    painter->drawLine(left, option.rect.bottom(), option.rect.right(), option.rect.bottom());
    painter->restore();
}

} // namespace Mostrador
