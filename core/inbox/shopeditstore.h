#pragma once

#include "db/storeerror.h"
#include "db/storeresult.h"

#include "common/clock.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Mostrador {

class Database;

// What the shop knows about a customer beyond WhatsApp's own data.
struct CustomerDetails {
    qint64 id = 0;
    QString displayName;     // the shop's name for them (editable)
    QString profileName;     // their WhatsApp profile name
    QString waId;
    QString userId;
    QString username;
    QString notes;
    QDateTime firstContactAt;
    QString arrivalHeadline; // the ad they came from, if any
    QString arrivalSource;
    int conversations = 0;
    bool blocked = false;    // on the number's block list
    bool optedOut = false;   // no campaigns for them (they asked, or the shop marked them)
    QString optOutReason;    // "message: BAJA", "shop", …
    QDateTime optedOutAt;
};

// The changes people make in the inbox: reading, resolving, naming customers and keeping notes.
class ShopEditStore final
{
public:
    explicit ShopEditStore(Database &database, const Clock &clock = systemClock());

    // Clears the unread count; returns the wamid of the customer's latest message (to send the
    // read receipt for), or an empty string.
    QString markRead(qint64 conversationId, StoreError *error);
    // open, pending, resolved. Resolving records when (for reports); reopening before the
    // customer wrote again takes that back, as an undo.
    StoreError setStatus(qint64 conversationId, const QString &status);

    // Unread customer messages across the conversations that are not resolved.
    [[nodiscard]] int unreadTotal();

    [[nodiscard]] std::optional<CustomerDetails> customerOf(qint64 conversationId, StoreError *error);
    StoreError setDisplayName(qint64 customerId, const QString &name);
    // On Meta's block list since `since`; an invalid time: off it.
    StoreError setBlocked(qint64 customerId, const QDateTime &since);
    // The shop marks a customer as not wanting promotions (no campaign goes to them), or not any
    // more — its own choice (see ConsentStore): false when the customer's own "no" stands.
    StoreResult<bool> setWantsPromotions(qint64 customerId, bool wants);
    StoreError setNotes(qint64 customerId, const QString &notes);

    // What was being written in a conversation, kept across restarts. An empty text removes it.
    StoreError saveDraft(qint64 conversationId, const QString &text);
    [[nodiscard]] QString draft(qint64 conversationId);

private:
    StoreError recordResolution(qint64 conversationId, const QString &status);

    StoreError update(const QString &sql, const QVariantList &values, const char *what);

    Database &m_database;
    const Clock &m_clock;
};

} // namespace Mostrador
