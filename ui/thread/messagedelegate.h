#pragma once

#include <QCache>
#include <QImage>
#include <QStyledItemDelegate>

namespace Mostrador {

// A chat bubble: customers on the left, the shop on the right, time and ticks in the corner, a
// day separator above the first message of each day, and the reason under a failed send.
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The words shown in a bubble for this message (kinds without text get a description).
    [[nodiscard]] static QString displayText(const QModelIndex &index);
    [[nodiscard]] static QString failureText(const QModelIndex &index);
Q_SIGNALS:
    // The reply's quote was clicked: show the quoted message.
    void quoteClicked(const QString &wamid);
    // A cart's card was clicked at `globalPos`: offer its stages and next steps.
    void orderClicked(qint64 orderId, const QPoint &globalPos);

public:
    // The message's own words (without hints such as "click to open").
    [[nodiscard]] static QString contentText(const QModelIndex &index);
    // Under a customer's file: how far its download is, or its size and that a click opens it.
    [[nodiscard]] static QString mediaState(const QModelIndex &index);
    // Lines above the text: forwarded mark, the ad the customer came from, the quoted message.
    [[nodiscard]] static QStringList headerLines(const QModelIndex &index);
    // "imported · 23:59", "automatic · 9:00": the line under the text, beside the ticks.
    [[nodiscard]] static QString footerText(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    struct Layout;
    [[nodiscard]] const QImage *thumbnail(const QModelIndex &index) const;

    mutable QCache<QString, QImage> m_thumbnails{64};
    [[nodiscard]] Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace Mostrador
