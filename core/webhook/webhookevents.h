#pragma once

#include "api/apierror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mostrador {

// What a webhook POST said, as plain values. The parser fills these from the JSON; the store
// keeps them; nothing here knows about HTTP or SQL.

enum class MessageKind {
    Text, Image, Video, Audio, Document, Sticker, Location, Contacts,
    Interactive, Button, Reaction, Order, System, Edit, Revoke, Unsupported,
};

[[nodiscard]] QString messageKindName(MessageKind kind);
[[nodiscard]] MessageKind messageKindFromName(const QString &name); // unknown names: Unsupported

enum class Direction { Inbound, Outbound };

// Delivery states in the order they can only move forward. Failed is terminal.
enum class DeliveryStatus { None = 0, Pending = 1, Sent = 2, Delivered = 3, Read = 4, Played = 5, Failed = 6 };

[[nodiscard]] QString deliveryStatusName(DeliveryStatus status);
[[nodiscard]] DeliveryStatus deliveryStatusFromName(const QString &name);

// Who the customer is. Newer payloads carry a business-scoped user id next to, or instead of,
// the phone-number-based wa_id: either may be empty.
struct CustomerIdentity {
    QString waId;
    QString userId;
    QString parentUserId;
    QString username;
    QString profileName;

    [[nodiscard]] bool isEmpty() const { return waId.isEmpty() && userId.isEmpty(); }
};

struct MediaReference {
    QString id;
    QString mimeType;
    QString sha256;
    QString url;
    QString filename;
    bool voice = false;
    bool animated = false;
};

struct Referral {
    QString sourceUrl;
    QString sourceId;
    QString sourceType;
    QString headline;
    QString body;
    QString ctwaClid;

    [[nodiscard]] bool isEmpty() const { return sourceUrl.isEmpty() && sourceId.isEmpty() && headline.isEmpty(); }
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
    QList<ApiError> errors;
    QJsonObject raw;         // the message object exactly as received
};

struct StatusUpdate {
    QString wamid;
    QString businessPhoneNumberId;
    DeliveryStatus status = DeliveryStatus::None;
    QString statusName;      // as received
    QDateTime timestamp;
    QString recipientId;
    QString bizOpaqueCallbackData;
    QString conversationId;
    QString conversationOrigin;
    QDateTime conversationExpiry;
    QString pricingCategory;
    QString pricingType;
    QString pricingModel;
    QList<ApiError> errors;
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
    QList<ApiError> errors; // value-level errors ("errors" beside "messages")
    QList<OtherChange> others;

    [[nodiscard]] bool isEmpty() const
    {
        return messages.isEmpty() && statuses.isEmpty() && errors.isEmpty() && others.isEmpty();
    }
};

} // namespace Mostrador
