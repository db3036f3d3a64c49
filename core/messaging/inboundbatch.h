#pragma once

#include "commerce.h"
#include "messagetypes.h"
#include "wireerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Mostrador {

// What WhatsApp said in one webhook POST, as plain values: the parser fills these from the
// JSON and the store keeps them.

// A system message saying a customer's number or business-scoped id changed.
struct IdentityChange {
    QString type;      // user_changed_number, user_changed_user_id, customer_identity_changed…
    QString newWaId;   // for user_changed_number
    QString newUserId; // for user_changed_user_id

    [[nodiscard]] bool changesIdentity() const { return !newWaId.isEmpty() || !newUserId.isEmpty(); }
};

struct WireMessage {
    Direction direction = Direction::Inbound;
    QString wamid;
    QString businessPhoneNumberId;
    QString businessDisplayNumber;
    CustomerIdentity customer;
    QDateTime timestamp;
    MessageKind kind = MessageKind::Unsupported;
    QString typeName;        // "type" as received, also for types Mostrador does not know
    QString text;            // the readable content: body, caption, button or list title, ...
    QString caption;
    MediaReference media;
    double latitude = 0;
    double longitude = 0;
    bool hasLocation = false;
    QString replyId;         // id of the chosen button or list row, or the button payload
    QString targetMessageId; // what a reaction, edit or revoke refers to
    QString contextMessageId;
    QString contextFrom;
    bool forwarded = false;
    bool frequentlyForwarded = false;
    Referral referral;
    IdentityChange identityChange; // system messages only
    QList<OrderLine> orderLines;   // a cart sent from the catalog (`order`); its note is `text`
    QString catalogId;             // the catalog the cart's products are in
    // Arrived under the `standby` field: Meta's AI agent holds the conversation, and this is the
    // customer's message to it or its reply (an echo). Never answered automatically.
    bool handledByMetaAgent = false;
    // From the WhatsApp Business app's history (coexistence): stored as imported, with the
    // delivery state the app knew; never answered, never opens a 24-hour window.
    bool fromHistory = false;
    DeliveryStatus historyStatus = DeliveryStatus::None;
    QList<WireError> errors;
    QJsonObject raw;         // the message object exactly as received
};

// One chunk of the WhatsApp Business app's history (the `history` field), in any order.
struct HistoryChunk {
    QString businessPhoneNumberId;
    int phase = -1;      // 0: the first day, 1: days 1–90, 2: days 90–180
    int chunkOrder = 0;
    int progress = -1;   // 0–100 over the whole sync; 100 when it is complete
    QList<WireError> errors; // 2593109: the business declined to share its history
};

// A contact of the WhatsApp Business app's address book (the `smb_app_state_sync` field).
struct ContactChange {
    QString waId;
    QString fullName;
    QString firstName;
    bool removed = false;
    QDateTime at;
};

// What Meta's review says of a template (message_template_status_update,
// message_template_quality_update, template_category_update).
struct TemplateChange {
    QString templateId;
    QString name;
    QString language;
    QString status;           // APPROVED, REJECTED, PENDING, PAUSED, DISABLED… (status updates)
    QString reason;           // why, for a rejection or a pause ("NONE" otherwise)
    QString quality;          // GREEN, YELLOW, RED, UNKNOWN (quality updates)
    QString previousCategory; // category updates: what it was
    QString newCategory;      // and what it is (or will be, for an announced change)
    QDateTime at;
};

struct StatusUpdate {
    QString wamid;
    QString businessPhoneNumberId;
    DeliveryStatus status = DeliveryStatus::None;
    QString statusName;      // as received
    QDateTime timestamp;
    QString recipientId;            // the customer's wa_id, when the business sent by number
    QString recipientUserId;        // their business-scoped id, when it sent by that instead
    QString parentRecipientUserId;
    QString bizOpaqueCallbackData;
    QString conversationId;
    QString conversationOrigin;
    QDateTime conversationExpiry;
    QString pricingCategory;
    QString pricingType;
    QString pricingModel;
    std::optional<bool> pricingBillable; // Meta's `billable`, when the status said it
    QList<WireError> errors;
    QJsonObject raw;
};

// A change Mostrador does not turn into messages (account updates, template reviews, calls,
// groups...) or a part of one it does not understand. Kept raw so nothing is lost.
struct OtherChange {
    QString field;
    QString reason;
    QJsonObject value;
};

struct WebhookBatch {
    QList<WireMessage> messages;
    QList<StatusUpdate> statuses;
    QList<WireError> errors; // value-level errors ("errors" beside "messages")
    QList<OtherChange> others;
    QList<HistoryChunk> history;       // the messages of each chunk are in `messages`, fromHistory
    QList<ContactChange> contactChanges;
    QList<TemplateChange> templateChanges;

    [[nodiscard]] bool isEmpty() const
    {
        return messages.isEmpty() && statuses.isEmpty() && errors.isEmpty() && others.isEmpty() && history.isEmpty()
            && contactChanges.isEmpty() && templateChanges.isEmpty();
    }

    // Another POST's batch after this one (the receiver stores several in one transaction).
    void append(const WebhookBatch &other)
    {
        messages += other.messages;
        statuses += other.statuses;
        errors += other.errors;
        others += other.others;
        history += other.history;
        contactChanges += other.contactChanges;
        templateChanges += other.templateChanges;
    }
};

} // namespace Mostrador
