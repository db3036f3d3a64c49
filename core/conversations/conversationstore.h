#pragma once

#include "db/storeerror.h"
#include "conversations/conversationtypes.h"

#include <QList>

#include <optional>

namespace Mostrador {

class Database;

// Reads the store in pages for the inbox, the thread and search. Pages use keyset positions
// over indexed columns, so a page costs the same whether the history has fifty messages or
// fifty thousand.
class ConversationStore final
{
public:
    explicit ConversationStore(Database &database);

    // Conversations by last activity, newest first, starting after `after`.
    [[nodiscard]] QList<ConversationSummary> conversations(const ConversationFilter &filter,
                                                           const std::optional<ConversationCursor> &after, int limit,
                                                           StoreError *error);
    [[nodiscard]] std::optional<ConversationSummary> conversation(qint64 id, StoreError *error);

    // A conversation's messages, newest first, starting before `before`.
    [[nodiscard]] QList<StoredMessage> messages(qint64 conversationId, const std::optional<MessageCursor> &before,
                                                int limit, StoreError *error);

    // Full-text search over message text, captions and customers' names and notes, best first.
    // Words match as prefixes, ignoring case and accents.
    [[nodiscard]] QList<SearchHit> search(const QString &text, int limit, StoreError *error);

    // Messages and statuses from WhatsApp the store refused and kept aside as they came, with the
    // reason (WebhookIngestor): how many there are, so the shop is told something needs a look.
    [[nodiscard]] int keptAsideCount(StoreError *error);

private:
    Database &m_database;
};

} // namespace Mostrador
