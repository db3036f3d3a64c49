#pragma once

#include "db/storeerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace Mostrador {

class Database;

// Everything the store holds about one customer, as they may ask to see it (right of access).
struct CustomerRecord {
    QJsonObject data;        // the customer, their conversations, messages, notes and labels
    QStringList mediaFiles;  // the files of their messages, as stored (absolute paths)
};

// What forgetting removed. The files are only those no other message uses: the caller removes
// them from the media folder (the store does not own files).
struct ForgottenRecords {
    int conversations = 0;
    int messages = 0;
    int customers = 0;
    QStringList unusedMediaFiles;
};

// A customer's data as a person may ask for it under Spain's GDPR/LOPDGDD or Colombia's Ley 1581:
// all of it, to take away; or none of it left (right to erasure); and conversations nobody has
// touched for a retention period removed. SQLite overwrites what it deletes here (secure_delete)
// and the search indexes are rewritten without it; PostgreSQL's space is reclaimed by its vacuum.
class CustomerRecordStore final
{
public:
    explicit CustomerRecordStore(Database &database);

    // A customer by their number (any form people write it in WhatsApp's forms), business-scoped id or @username.
    [[nodiscard]] std::optional<qint64> find(const QString &identifier, StoreError *error) const;
    [[nodiscard]] std::optional<CustomerRecord> collect(qint64 customerId, StoreError *error) const;

    [[nodiscard]] std::optional<ForgottenRecords> forgetCustomer(qint64 customerId, StoreError *error);
    // Conversations, and each customer left with none.
    [[nodiscard]] std::optional<ForgottenRecords> forgetConversations(const QList<qint64> &conversationIds, StoreError *error);

    // Conversations whose last message (or creation, if none) is older than `cutoff`.
    [[nodiscard]] QList<qint64> untouchedSince(const QDateTime &cutoff, StoreError *error) const;

private:
    StoreError removeConversations(const QList<qint64> &ids, ForgottenRecords &forgotten, QStringList &mediaFiles);
    StoreError finish(const QStringList &mediaFiles, ForgottenRecords &forgotten);

    Database &m_database;
};

} // namespace Mostrador
