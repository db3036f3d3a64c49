#pragma once

#include <QStyledItemDelegate>

namespace Mostrador {

// A search hit: the customer's name over the snippet, matched words in bold.
class SearchResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The snippet as rich text: escaped, with the highlight markers turned into <b>…</b>.
    [[nodiscard]] static QString snippetHtml(const QString &snippet);
};

} // namespace Mostrador
