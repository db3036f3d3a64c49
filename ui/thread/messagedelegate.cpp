#include "messagedelegate.h"

#include "commerce/ordercard.h"

#include "messaging/wireerror.h"
#include "thread/messagelistmodel.h"
#include "widgets/deliveryticks.h"

#include <QApplication>
#include <QDesktopServices>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QUrl>
#include <QTextLayout>

namespace Mostrador {

namespace {

constexpr int kSidePadding = 14;
constexpr int kBubblePadding = 9;
constexpr int kGap = 4;
constexpr double kMaxBubbleShare = 0.72;
constexpr QSize kThumbnailBox(240, 180);

QColor inboundBubble(const QPalette &palette)
{
    return palette.color(QPalette::Base);
}

QColor outboundBubble(const QPalette &palette)
{
    // A soft green in light themes, a deep one in dark themes.
    return palette.color(QPalette::Window).lightness() > 128 ? QColor(0xd9, 0xfd, 0xd3) : QColor(0x14, 0x4d, 0x37);
}

} // namespace

struct MessageDelegate::Layout {
    QRect separator;
    QRect bubble;
    QRect header;
    QRect thumbnail;
    QRect text;
    QRect footer;
    QRect failure;
};

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QString MessageDelegate::displayText(const QModelIndex &index)
{
    QString shown = contentText(index);
    const MessageKind kind = index.data(MessageListModel::KindRole).value<MessageKind>();
    const bool media = kind == MessageKind::Image || kind == MessageKind::Video || kind == MessageKind::Audio
        || kind == MessageKind::Document || kind == MessageKind::Sticker;
    const bool imported = index.data(MessageListModel::ImportedRole).toBool();
    if (media && !index.data(MessageListModel::RevokedRole).toBool()) {
        // History from the phone: the file came with the export, or the export left it out.
        if (imported && index.data(MessageListModel::MediaPathRole).toString().isEmpty())
            shown += QLatin1Char('\n') + tr("Not included in the export");
        else if (imported || index.data(MessageListModel::DirectionRole).value<Direction>() == Direction::Inbound)
            shown += QLatin1Char('\n') + mediaState(index);
    }
    return shown;
}

QString MessageDelegate::mediaState(const QModelIndex &index)
{
    if (index.data(MessageListModel::MediaPathRole).toString().isEmpty()) {
        const QVariant percent = index.data(MessageListModel::DownloadProgressRole);
        return percent.isNull() ? tr("Downloading…") : tr("Downloading… %1 %").arg(percent.toInt());
    }
    const QVariant size = index.data(MessageListModel::MediaSizeRole);
    if (size.toLongLong() <= 0)
        return tr("Click to open");
    return tr("Click to open · %1").arg(QLocale().formattedDataSize(size.toLongLong(), 1, QLocale::DataSizeTraditionalFormat));
}

QString MessageDelegate::contentText(const QModelIndex &index)
{
    if (index.data(MessageListModel::RevokedRole).toBool())
        return index.data(MessageListModel::DirectionRole).value<Direction>() == Direction::Outbound
                   ? tr("This message was deleted.")
                   : tr("This message was deleted by the customer.");
    const QString text = index.data(MessageListModel::TextRole).toString();
    switch (index.data(MessageListModel::KindRole).value<MessageKind>()) {
    case MessageKind::Image:
        return text.isEmpty() ? tr("Photo") : tr("Photo: %1").arg(text);
    case MessageKind::Video:
        return text.isEmpty() ? tr("Video") : tr("Video: %1").arg(text);
    case MessageKind::Audio:
        return tr("Voice or audio message");
    case MessageKind::Document:
    {
        const QString name = text.isEmpty() ? index.data(MessageListModel::MediaFilenameRole).toString() : text;
        return name.isEmpty() ? tr("File") : tr("Document: %1").arg(name);
    }
    case MessageKind::Sticker:
        return tr("Sticker");
    case MessageKind::Location:
        return (text.isEmpty() ? tr("Location") : tr("Location: %1").arg(text)) + QLatin1Char('\n') + tr("Open in a map ↗");
    case MessageKind::Contacts:
        return tr("Contact: %1").arg(text);
    case MessageKind::Reaction:
        return text.isEmpty() ? tr("Removed a reaction") : tr("Reacted %1").arg(text);
    case MessageKind::Order:
        return text.isEmpty() ? tr("Order from the catalogue") : tr("Order: %1").arg(text);
    case MessageKind::Unsupported:
        return tr("This kind of message cannot be shown here yet. It is kept; the customer can see it in WhatsApp.");
    case MessageKind::Text:
    case MessageKind::Interactive:
    case MessageKind::Button:
    case MessageKind::System:
    case MessageKind::Edit:
    case MessageKind::Revoke:
        break;
    }
    return text;
}

const QImage *MessageDelegate::thumbnail(const QModelIndex &index) const
{
    if (index.data(MessageListModel::KindRole).value<MessageKind>() != MessageKind::Image)
        return nullptr;
    const QString path = index.data(MessageListModel::MediaPathRole).toString();
    if (path.isEmpty())
        return nullptr;
    if (QImage *cached = m_thumbnails.object(path))
        return cached;
    QImage image(path);
    if (image.isNull())
        return nullptr;
    auto *scaled = new QImage(image.scaled(kThumbnailBox, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    m_thumbnails.insert(path, scaled);
    return scaled;
}

QString MessageDelegate::footerText(const QModelIndex &index)
{
    const bool outbound = index.data(MessageListModel::DirectionRole).value<Direction>() == Direction::Outbound;
    QString footer = QLocale().toString(index.data(MessageListModel::SentAtRole).toDateTime().toLocalTime().time(), QLocale::ShortFormat);
    if (index.data(MessageListModel::AutomaticRole).toBool())
        footer = tr("automatic · %1").arg(footer);
    if (index.data(MessageListModel::MetaAgentRole).toBool())
        footer = (outbound ? tr("Meta's AI agent · %1") : tr("to Meta's AI agent · %1")).arg(footer);
    if (index.data(MessageListModel::EditedRole).toBool())
        footer = tr("edited · %1").arg(footer);
    // Brought in from the phone's export: it never went through Mostrador, so it has no ticks.
    if (index.data(MessageListModel::ImportedRole).toBool())
        footer = tr("imported · %1").arg(footer);
    return footer;
}

QStringList MessageDelegate::headerLines(const QModelIndex &index)
{
    QStringList lines;
    const QString author = index.data(MessageListModel::AuthorRole).toString();
    if (!author.isEmpty())
        lines << author;
    const int forwarded = index.data(MessageListModel::ForwardedRole).toInt();
    if (forwarded == 2)
        lines << tr("Forwarded many times");
    else if (forwarded == 1)
        lines << tr("Forwarded");
    const QString ad = index.data(MessageListModel::ReferralRole).toString();
    if (!ad.isEmpty())
        lines << tr("Came from the ad “%1”").arg(ad);
    const QString quoted = index.data(MessageListModel::QuotedTextRole).toString();
    if (!quoted.isEmpty())
        lines << tr("↪ %1").arg(quoted.simplified());
    return lines;
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                  const QModelIndex &index)
{
    // A location opens in a map when clicked.
    if (event->type() == QEvent::MouseButtonRelease) {
        const QUrl map = index.data(MessageListModel::MapUrlRole).toUrl();
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const Layout parts = layout(option, index);
        const QString quoted = index.data(MessageListModel::QuotedWamidRole).toString();
        if (!quoted.isEmpty() && parts.header.isValid() && parts.header.adjusted(-4, -3, 4, 3).contains(mouse->position().toPoint())) {
            Q_EMIT quoteClicked(quoted);
            return true;
        }
        // A cart: its stage and the next steps, from the card.
        if (const QVariant order = index.data(MessageListModel::OrderRole);
            order.isValid() && parts.bubble.contains(mouse->position().toPoint())) {
            Q_EMIT orderClicked(order.value<Order>().id, mouse->globalPosition().toPoint());
            return true;
        }
        if (map.isValid() && parts.bubble.contains(mouse->position().toPoint())) {
            QDesktopServices::openUrl(map);
            return true;
        }
        // Photos, documents, audio and video open in the system's own program once downloaded.
        const QString file = index.data(MessageListModel::MediaPathRole).toString();
        if (!file.isEmpty() && parts.bubble.contains(mouse->position().toPoint())) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(file));
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

QString MessageDelegate::failureText(const QModelIndex &index)
{
    const QString state = index.data(MessageListModel::OutboxStateRole).toString();
    if (state == QLatin1String("unconfirmed"))
        return tr("Not confirmed: Mostrador stopped while sending. Check with the customer, then send again or discard.");
    if (state == QLatin1String("discarded"))
        return tr("Not sent: discarded.");
    if (const QDateTime at = index.data(MessageListModel::ScheduledForRole).toDateTime(); at.isValid())
        return tr("Sends when the shop opens: %1.").arg(QLocale().toString(at.toLocalTime(), QStringLiteral("dddd d, HH:mm")));
    if (index.data(MessageListModel::StatusRole).value<DeliveryStatus>() != DeliveryStatus::Failed)
        return {};
    WireError error;
    error.code = index.data(MessageListModel::ErrorCodeRole).toInt();
    error.category = WireError::categorize(error.code, 400);
    return error.userMessage() + QLatin1Char(' ') + tr("(Right-click for what to do.)");
}

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Layout result;
    const QFontMetrics metrics(option.font);
    int top = option.rect.top() + kGap;
    if (index.data(MessageListModel::NewDayRole).toBool()) {
        result.separator = QRect(option.rect.left(), top, option.rect.width(), metrics.height() + 10);
        top = result.separator.bottom() + kGap;
    }
    const bool outbound = index.data(MessageListModel::DirectionRole).value<Direction>() == Direction::Outbound;
    const int maxWidth = int(option.rect.width() * kMaxBubbleShare) - 2 * kBubblePadding;
    const QStringList header = headerLines(index);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    int headerWidth = 0;
    for (const QString &line : header)
        headerWidth = std::max(headerWidth, std::min(maxWidth, smallMetrics.horizontalAdvance(line) + 8));
    const int headerHeight = header.isEmpty() ? 0 : int(header.size()) * smallMetrics.height() + 6;
    const QImage *image = thumbnail(index);
    const QSize imageSize = image ? image->size() : QSize();
    const int imageHeight = image ? imageSize.height() + 6 : 0;
    const QVariant order = index.data(MessageListModel::OrderRole);
    const QRect textBounds = order.isValid()
        ? QRect(QPoint(0, 0), OrderCard::size(order.value<Order>(), option.font, std::max(80, maxWidth)))
        : metrics.boundingRect(QRect(0, 0, std::max(80, maxWidth), 100000), Qt::TextWordWrap, displayText(index));
    const int footerWidth = smallMetrics.horizontalAdvance(footerText(index)) + 30;
    const int innerWidth = std::max(textBounds.width(), footerWidth);
    const QString failure = failureText(index);
    QRect failureBounds;
    if (!failure.isEmpty())
        failureBounds = metrics.boundingRect(QRect(0, 0, std::max(80, maxWidth), 100000), Qt::TextWordWrap, failure);
    const int width = std::max({innerWidth, failureBounds.width(), headerWidth, imageSize.width()}) + 2 * kBubblePadding;
    const int height = headerHeight + imageHeight + textBounds.height() + metrics.height()
        + (failure.isEmpty() ? 0 : failureBounds.height() + 6) + 2 * kBubblePadding;
    const int left = outbound ? option.rect.right() - kSidePadding - width : option.rect.left() + kSidePadding;
    result.bubble = QRect(left, top, width, height);
    if (headerHeight)
        result.header = QRect(left + kBubblePadding, top + kBubblePadding, width - 2 * kBubblePadding, headerHeight - 6);
    if (image)
        result.thumbnail = QRect(QPoint(left + kBubblePadding, top + kBubblePadding + headerHeight), imageSize);
    result.text = QRect(left + kBubblePadding, top + kBubblePadding + headerHeight + imageHeight, width - 2 * kBubblePadding,
                        textBounds.height());
    result.footer = QRect(result.text.left(), result.text.bottom() + 2, result.text.width(), metrics.height());
    if (!failure.isEmpty())
        result.failure = QRect(result.text.left(), result.footer.bottom() + 6, result.text.width(), failureBounds.height());
    return result;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Layout parts = layout(option, index);
    // Room below for a reaction badge that overlaps the bubble's edge.
    const int reactionRoom = index.data(MessageListModel::ReactionRole).toString().isEmpty() ? 0 : option.fontMetrics.height() / 2 + 4;
    return {option.rect.width(), parts.bubble.bottom() - option.rect.top() + kGap + 1 + reactionRoom};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const Layout parts = layout(option, index);
    const QColor muted = palette.color(QPalette::PlaceholderText);
    const QLocale locale;
    const QDateTime sentAt = index.data(MessageListModel::SentAtRole).toDateTime().toLocalTime();

    if (parts.separator.isValid()) {
        const QString day = locale.toString(sentAt.date(), QLocale::LongFormat);
        const QFontMetrics metrics(option.font);
        QRect chip(0, 0, metrics.horizontalAdvance(day) + 20, parts.separator.height() - 4);
        chip.moveCenter(parts.separator.center());
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Base));
        painter->drawRoundedRect(chip, 8, 8);
        painter->setPen(muted);
        painter->drawText(chip, Qt::AlignCenter, day);
    }

    const bool outbound = index.data(MessageListModel::DirectionRole).value<Direction>() == Direction::Outbound;
    painter->setPen(QPen(palette.color(QPalette::Midlight), 1));
    painter->setBrush(outbound ? outboundBubble(palette) : inboundBubble(palette));
    painter->drawRoundedRect(parts.bubble, 10, 10);

    if (parts.header.isValid()) {
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.85);
        const QFontMetrics smallMetrics(small);
        painter->setFont(small);
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::AlternateBase));
        painter->drawRoundedRect(parts.header.adjusted(-4, -3, 4, 3), 5, 5);
        painter->setPen(QColor(0x1f, 0xa6, 0x7a));
        painter->drawLine(parts.header.topLeft() + QPoint(-3, 0), parts.header.bottomLeft() + QPoint(-3, 0));
        painter->setPen(muted);
        int y = parts.header.top();
        for (const QString &line : headerLines(index)) {
            painter->drawText(QRect(parts.header.left() + 4, y, parts.header.width() - 4, smallMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                              smallMetrics.elidedText(line, Qt::ElideRight, parts.header.width() - 4));
            y += smallMetrics.height();
        }
    }

    if (parts.thumbnail.isValid()) {
        if (const QImage *image = thumbnail(index)) {
            QPainterPath clip;
            clip.addRoundedRect(parts.thumbnail, 6, 6);
            painter->save();
            painter->setClipPath(clip);
            painter->drawImage(parts.thumbnail, *image);
            painter->restore();
        }
    }

    QFont font = option.font;
    font.setItalic(index.data(MessageListModel::RevokedRole).toBool()
                   || index.data(MessageListModel::KindRole).value<MessageKind>() == MessageKind::Unsupported);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    if (const QVariant order = index.data(MessageListModel::OrderRole); order.isValid())
        OrderCard::paint(painter, parts.text, order.value<Order>(), font, palette);
    else
        painter->drawText(parts.text, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, displayText(index));

    font.setItalic(false);
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(small);
    painter->setPen(muted);
    const QString footer = footerText(index);
    const bool imported = index.data(MessageListModel::ImportedRole).toBool();
    const bool ticks = outbound && !imported;
    int ticksWidth = 0;
    if (ticks)
        ticksWidth = 20;
    const QRect timeRect = parts.footer.adjusted(0, 0, -ticksWidth, 0);
    painter->drawText(timeRect, Qt::AlignRight | Qt::AlignVCenter, footer);
    // A customer's file on its way: a bar fills beside the time as it downloads.
    if (const QVariant percent = index.data(MessageListModel::DownloadProgressRole); !percent.isNull()) {
        const int timeWidth = QFontMetrics(small).horizontalAdvance(footer) + 10;
        const QRect track(parts.footer.left(), parts.footer.center().y() - 2, std::max(24, parts.footer.width() - timeWidth), 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Midlight));
        painter->drawRoundedRect(track, 2, 2);
        painter->setBrush(QColor(0x1f, 0xa6, 0x7a));
        painter->drawRoundedRect(QRect(track.topLeft(), QSize(track.width() * std::clamp(percent.toInt(), 0, 100) / 100, track.height())), 2, 2);
        painter->setPen(muted);
    }
    if (ticks)
        DeliveryTicks::paint(painter, QPoint(parts.footer.right() - 17, parts.footer.center().y()),
                             index.data(MessageListModel::StatusRole).value<DeliveryStatus>(), muted);

    const QString reaction = index.data(MessageListModel::ReactionRole).toString();
    if (!reaction.isEmpty()) {
        // The customer's reaction sits on the bubble's lower edge, as in their app.
        const QFontMetrics metrics(option.font);
        QRect badge(0, 0, metrics.horizontalAdvance(reaction) + 12, metrics.height() + 4);
        badge.moveTopLeft(QPoint(parts.bubble.left() + 8, parts.bubble.bottom() - badge.height() / 2));
        painter->setPen(QPen(palette.color(QPalette::Midlight), 1));
        painter->setBrush(palette.color(QPalette::Base));
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setFont(option.font);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(badge, Qt::AlignCenter, reaction);
    }

    if (parts.failure.isValid()) {
        painter->setFont(font);
        const bool scheduled = index.data(MessageListModel::ScheduledForRole).toDateTime().isValid();
        painter->setPen(scheduled ? palette.color(QPalette::PlaceholderText) : QColor(0xc0, 0x2f, 0x2f));
        painter->drawText(parts.failure, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, failureText(index));
    }
    painter->restore();
}

} // namespace Mostrador
