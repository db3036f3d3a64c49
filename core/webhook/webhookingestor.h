#pragma once

#include "db/searchbatch.h"
#include "db/statementcache.h"
#include "db/storeerror.h"
#include "messaging/inboundbatch.h"

#include <QObject>
#include <QHash>
#include <QSet>

#include <optional>

namespace Mostrador {

class Database;

// Writes what a webhook brought into the store, in one transaction per batch, so that the
// receiver answers 200 only for what is safely on disk.
//
// Idempotent and order-proof: a message delivered twice is stored once (unique wamid), and a
// status never moves backwards (a late "delivered" does not undo "read"; "failed" stays with
// its error). Whatever is not a message or a status is kept raw in webhook_other.
class WebhookIngestor final : public QObject
{
    Q_OBJECT

public:
    struct Outcome {
        StoreError error;
        int newMessages = 0;
        int duplicateMessages = 0;
        int statusesApplied = 0;
        int otherChanges = 0;
        int keptAside = 0; // messages or statuses the store refused, kept raw with the reason
    };

    explicit WebhookIngestor(Database &database, QObject *parent = nullptr);

    Outcome ingest(const WebhookBatch &batch);

Q_SIGNALS:
    // After a successful commit: the conversations that changed.
    void conversationsChanged(const QSet<qint64> &conversationIds);
    // The WhatsApp Business app's history or contacts came in (coexistence): the list shows
    // them, but nothing answers, notifies or opens a window for them.
    void historyStored(const QSet<qint64> &conversationIds);
    // Meta's review of a template changed (approved, rejected, paused, re-categorised…).
    void templatesReviewed();

private:
    enum class Mode { Together, OneByOne };
    Outcome ingest(const WebhookBatch &batch, Mode mode);

    std::optional<qint64> customerFor(const CustomerIdentity &identity, const QDateTime &at, StoreError *error);
    std::optional<qint64> conversationFor(qint64 customerId, const QString &businessNumberId, StoreError *error);
    StoreError storeMessage(const WireMessage &message, Outcome &outcome, QSet<qint64> &changed);
    StoreError applyStatus(const StatusUpdate &status, Outcome &outcome, QSet<qint64> &changed);
    StoreError applyToTarget(const WireMessage &message);
    StoreError storeOther(const QString &field, const QString &reason, const QJsonObject &payload);
    StoreError storeHistoryProgress(const HistoryChunk &chunk);
    StoreError storeContacts(const QList<ContactChange> &changes);
    StoreError settleHistory(const QSet<qint64> &conversationIds);
    StoreError run(PreparedStatement &query, const char *what);
    void forgetCachedIds();

    struct CachedCustomer {
        qint64 id = 0;
        CustomerIdentity identity;
    };
    static constexpr qsizetype kMaxCachedCustomers = 50000;

    Database &m_database;
    StatementCache m_statements;
    SearchBatch m_search;
    QHash<QString, CachedCustomer> m_customerCache;
    QHash<QString, qint64> m_conversationCache;
};

} // namespace Mostrador
