#pragma once

#include "messaging/messagetypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mostrador {

// Request bodies for POST /{phone-number-id}/messages, shaped as Meta's OpenAPI spec says
// (checked against it in tests/core/api). Every send can carry `callbackData`, which the API
// echoes in the status webhooks as biz_opaque_callback_data (≤ 512 characters).
namespace MessagePayloads {

enum class MediaType { Image, Video, Audio, Document, Sticker };

[[nodiscard]] QString mediaTypeName(MediaType type);

struct Common {
    QString to;            // wa_id (phone number) of the customer; empty: addressed when sent
    QString replyTo;       // wamid to quote, optional
    QString callbackData;  // biz_opaque_callback_data, optional
};

struct ReplyButton {
    QString id;    // ≤ 256 characters
    QString title; // ≤ 20 characters
};

struct ListRow {
    QString id;
    QString title;       // ≤ 24 characters
    QString description; // ≤ 72 characters, optional
};

struct ListSection {
    QString title;
    QList<ListRow> rows;
};

// The request addressed to this customer: `to` with their phone-based wa_id when known, else
// `recipient` with their business-scoped user id.
[[nodiscard]] QJsonObject addressed(QJsonObject payload, const CustomerIdentity &customer);

[[nodiscard]] QJsonObject text(const Common &common, const QString &body, bool previewUrl = false);

// `mediaIdOrLink`: a media id from an upload, or an http(s) link.
[[nodiscard]] QJsonObject media(const Common &common, MediaType type, const QString &mediaIdOrLink,
                                const QString &caption = {}, const QString &filename = {});

// Body parameters fill {{1}}, {{2}}, ... in order; header parameters likewise.
[[nodiscard]] QJsonObject templateMessage(const Common &common, const QString &name, const QString &languageCode,
                                          const QStringList &bodyParameters = {},
                                          const QStringList &headerParameters = {});

[[nodiscard]] QJsonObject reaction(const Common &common, const QString &messageId, const QString &emoji);

[[nodiscard]] QJsonObject replyButtons(const Common &common, const QString &body, const QList<ReplyButton> &buttons);

[[nodiscard]] QJsonObject list(const Common &common, const QString &body, const QString &buttonText,
                               const QList<ListSection> &sections);

// Products from Meta's catalog on the number, by the shop's retailer ids.
struct ProductSection {
    QString title;              // ≤ 24 characters; required when there are several sections
    QStringList retailerIds;    // 1–30 across all sections
};
inline constexpr int kMaxListedProducts = 30;
inline constexpr int kMaxProductSections = 10;

// One product, shown by WhatsApp with its photo, name and price (no header allowed).
[[nodiscard]] QJsonObject product(const Common &common, const QString &catalogId, const QString &retailerId,
                                  const QString &body = {}, const QString &footer = {});
// Up to 30 products in up to 10 sections, under a text header (≤ 60 characters).
[[nodiscard]] QJsonObject productList(const Common &common, const QString &catalogId, const QString &header,
                                      const QString &body, const QList<ProductSection> &sections);
// The whole catalog behind a "View catalog" button; its thumbnail from one product.
[[nodiscard]] QJsonObject catalogMessage(const Common &common, const QString &body, const QString &thumbnailRetailerId = {});
// What is wrong with a product list before it is sent ("" when nothing is).
[[nodiscard]] QString validateProductList(const QString &header, const QList<ProductSection> &sections);

// The body of POST (block) and DELETE (unblock) /{phone-number-id}/block_users.
[[nodiscard]] QJsonObject blockUsers(const QStringList &users);

// Marks a received message (and everything before it) as read; optionally shows "typing…".
[[nodiscard]] QJsonObject markRead(const QString &messageId, bool showTyping = false);

// Checks the limits the API enforces, so the user hears about them before anything is sent.
// Returns an empty string when fine, else a translated explanation.
[[nodiscard]] QString validateText(const QString &body);
// WhatsApp's limit on a text message's length, in characters (UTF-16 units, as Meta counts).
constexpr int kMaxTextLength = 4096;
// A text too long for one message, cut into as few as fit: at a paragraph break where one is in
// reach, else a line break, else after a sentence, else between words; never inside a word unless
// a word alone is longer than a message.
[[nodiscard]] QStringList splitText(const QString &body, int limit = kMaxTextLength);
[[nodiscard]] QString validateButtons(const QList<ReplyButton> &buttons);

} // namespace MessagePayloads

} // namespace Mostrador
