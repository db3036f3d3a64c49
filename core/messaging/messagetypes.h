#pragma once

#include <QDateTime>
#include <QString>

namespace Mostrador {

// The words every part of Mostrador shares about messages: what kind a message is, which way it
// went, how far it got, and who the customer is. Plain values; nothing here knows about HTTP,
// JSON or SQL, so the store, the webhook receiver, the outbox and the API client all depend on
// this folder and not on each other.

enum class MessageKind {
    Text, Image, Video, Audio, Document, Sticker, Location, Contacts,
    Interactive, Button, Reaction, Order, System, Edit, Revoke, Unsupported,
};

[[nodiscard]] QString messageKindName(MessageKind kind);
[[nodiscard]] MessageKind messageKindFromName(const QString &name); // unknown names: Unsupported

enum class Direction { Inbound, Outbound };

// Who a message came from, as reports and exports count it: the customer, a person of the shop
// (in team mode, which one), an automatic reply (away, greeting, Meta's AI agent), a campaign,
// or history brought in from elsewhere.
enum class MessageOrigin { Customer = 0, Shop = 1, Automatic = 2, Campaign = 3, Imported = 4 };

[[nodiscard]] QString messageOriginName(MessageOrigin origin); // customer, shop, automatic, campaign, imported

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

// Whether a message of this kind is the customer talking to the shop (and so opens or extends
// the 24-hour window and may be answered automatically). Reactions, edits, deletions and system
// notices are not.
[[nodiscard]] bool countsAsCustomerWriting(MessageKind kind);

} // namespace Mostrador
