#pragma once

#include "db/storeerror.h"

namespace Mostrador {

class Database;

// One person known as two customers (WhatsApp said their number or business-scoped id became
// another, or a number the shop typed turned out to be someone WhatsApp already knew) becomes
// one: `gone`'s conversations, messages, labels, notes, drafts and team notes move to `kept`,
// with the identifiers, names and notes each had. Runs inside the caller's transaction.
class CustomerMergeStore final
{
public:
    explicit CustomerMergeStore(Database &database);

    StoreError merge(qint64 kept, qint64 gone);

    // WhatsApp said this customer's number became `newWaId` or their business-scoped id became
    // `newUserId` (either may be empty): they take it, and a customer who already had it (a
    // number the shop typed, say) merges into them.
    StoreError adopt(qint64 customerId, const QString &newWaId, const QString &newUserId);

private:
    StoreError adoptOne(qint64 customerId, const QString &column, const QStringList &forms);
    StoreError mergeConversation(qint64 into, qint64 from);
    StoreError run(const QString &sql, const QVariantList &values, const char *what);

    Database &m_database;
};

} // namespace Mostrador
