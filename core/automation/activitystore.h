#pragma once

#include "db/storeerror.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace Mostrador {

class Database;

// What the automatic replies weigh about one conversation: when the customer last wrote (and
// the time before that), when the shop last answered by hand and automatically, and the
// customer's recent words (to tell their language).
struct ConversationActivity {
    QDateTime customerWroteAt;         // the latest message that counts as the customer writing
    QDateTime customerWroteBefore;     // the one before it, if any
    QDateTime lastAutomaticReplyAt;
    QDateTime lastPersonReplyAt;
    QString customerName;              // the shop's name for them, else their profile name
    QString waId;
    QString userId;
    QStringList recentCustomerTexts;   // newest first, at most five
    bool heldByMetaAgent = false;      // Meta's AI agent is answering: an automatic reply would take it over
};

class ActivityStore final
{
public:
    explicit ActivityStore(Database &database);

    // Nothing when the customer never wrote in this conversation.
    [[nodiscard]] std::optional<ConversationActivity> activity(qint64 conversationId, StoreError *error) const;

private:
    [[nodiscard]] QDateTime latest(const QString &condition, const QVariantList &values, StoreError *error) const;

    Database &m_database;
};

} // namespace Mostrador
