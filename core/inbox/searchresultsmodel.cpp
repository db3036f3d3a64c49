#include "searchresultsmodel.h"

#include "conversations/conversationstore.h"

namespace Mostrador {

SearchResultsModel::SearchResultsModel(Database &database, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(std::make_unique<ConversationStore>(database))
{
}

SearchResultsModel::~SearchResultsModel() = default;

void SearchResultsModel::search(const QString &text)
{
    beginResetModel();
    m_query = text;
    StoreError error;
    m_hits = text.trimmed().isEmpty() ? QList<SearchHit>() : m_reader->search(text, kLimit, &error);
    endResetModel();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case CustomerNameRole:
        return hit.customerName;
    case Qt::AccessibleTextRole: {
        QString plain = hit.snippet;
        plain.remove(kHighlightStart).remove(kHighlightEnd);
        return QString(hit.customerName + QStringLiteral(": ") + plain);
    }
    case ConversationIdRole:
        return hit.conversationId;
    case MessageIdRole:
        return hit.messageId;
    case SnippetRole:
        return hit.snippet;
    case SentAtRole:
        return hit.sentAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{ConversationIdRole, "conversationId"}, {MessageIdRole, "messageId"}, {CustomerNameRole, "customerName"},
                  {SnippetRole, "snippet"}, {SentAtRole, "sentAt"}});
    return names;
}

} // namespace Mostrador
