#include "searchresultdelegate.h"

#include "widgets/selectioncolor.h"
#include "inbox/searchresultsmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace Mostrador {

namespace {

constexpr int kPadding = 10;

QTextDocument *layoutFor(QTextDocument &document, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    document.setDefaultFont(option.font);
    document.setDocumentMargin(0);
    document.setTextWidth(option.rect.width() - 2 * kPadding);
    document.setHtml(QStringLiteral("<b>%1</b><br>%2")
                         .arg(index.data(SearchResultsModel::CustomerNameRole).toString().toHtmlEscaped(),
                              SearchResultDelegate::snippetHtml(index.data(SearchResultsModel::SnippetRole).toString())));
    return &document;
}

} // namespace

QString SearchResultDelegate::snippetHtml(const QString &snippet)
{
    QString html = snippet.toHtmlEscaped();
    html.replace(kHighlightStart, QStringLiteral("<b style=\"background-color:#fff2a8; color:#1d1d1d\">"));
    html.replace(kHighlightEnd, QStringLiteral("</b>"));
    return html;
}

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    painter->fillRect(option.rect, selected ? selectionColor(option.palette) : option.palette.color(QPalette::Base));
    QTextDocument document;
    layoutFor(document, option, index);
    painter->translate(option.rect.topLeft() + QPoint(kPadding, kPadding / 2));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    context.palette.setColor(QPalette::Text, option.palette.color(QPalette::Text));
    document.documentLayout()->draw(painter, context);
    painter->restore();
    painter->save();
    painter->setPen(option.palette.color(QPalette::Midlight));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QTextDocument document;
    layoutFor(document, option, index);
    return {option.rect.width(), int(document.size().height()) + kPadding};
}

} // namespace Mostrador
