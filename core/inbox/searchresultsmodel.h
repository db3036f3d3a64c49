#pragma once

#include "conversations/conversationtypes.h"

#include <QAbstractListModel>

namespace Mostrador {

class Database;
class ConversationStore;

// Search hits for the inbox's search box, best first.
class SearchResultsModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        MessageIdRole,
        CustomerNameRole,
        SnippetRole,   // with kHighlightStart/kHighlightEnd around the matched words
        SentAtRole,
    };
    Q_ENUM(Role)

    explicit SearchResultsModel(Database &database, QObject *parent = nullptr);
    ~SearchResultsModel() override;

    void search(const QString &text);
    [[nodiscard]] QString query() const { return m_query; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    static constexpr int kLimit = 50;

private:
    std::unique_ptr<ConversationStore> m_reader;
    QString m_query;
    QList<SearchHit> m_hits;
};

} // namespace Mostrador
