#include "messagepayloads.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Mostrador::MessagePayloads {

namespace {

constexpr int kMaxButtons = 3;
constexpr int kMaxButtonTitle = 20;

QJsonObject base(const Common &common, const QString &type)
{
    QJsonObject body{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                     {QStringLiteral("recipient_type"), QStringLiteral("individual")},
                     {QStringLiteral("type"), type}};
    // Without `to` here, the outbox addresses the message when it sends it (addressed()).
    if (!common.to.isEmpty())
        body.insert(QStringLiteral("to"), common.to);
    if (!common.replyTo.isEmpty())
        body.insert(QStringLiteral("context"), QJsonObject{{QStringLiteral("message_id"), common.replyTo}});
    if (!common.callbackData.isEmpty())
        body.insert(QStringLiteral("biz_opaque_callback_data"), common.callbackData.left(512));
    return body;
}

QJsonArray textParameters(const QStringList &values)
{
    QJsonArray parameters;
    for (const QString &value : values)
        parameters.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), value}});
    return parameters;
}

} // namespace

QString mediaTypeName(MediaType type)
{
    switch (type) {
    case MediaType::Image: return QStringLiteral("image");
    case MediaType::Video: return QStringLiteral("video");
    case MediaType::Audio: return QStringLiteral("audio");
    case MediaType::Document: return QStringLiteral("document");
    case MediaType::Sticker: return QStringLiteral("sticker");
    }
    return {};
}

QJsonObject addressed(QJsonObject payload, const CustomerIdentity &customer)
{
    payload.remove(QStringLiteral("to"));
    payload.remove(QStringLiteral("recipient"));
    // The phone-based id when WhatsApp gave one; otherwise the business-scoped user id, which
    // goes in `recipient` instead of `to`.
    if (!customer.waId.isEmpty())
        payload.insert(QStringLiteral("to"), customer.waId);
    else if (!customer.userId.isEmpty())
        payload.insert(QStringLiteral("recipient"), customer.userId);
    return payload;
}

QJsonObject text(const Common &common, const QString &body, bool previewUrl)
{
    QJsonObject message = base(common, QStringLiteral("text"));
    message.insert(QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), body},
                                                       {QStringLiteral("preview_url"), previewUrl}});
    return message;
}

QJsonObject media(const Common &common, MediaType type, const QString &mediaIdOrLink, const QString &caption,
                  const QString &filename)
{
    const QString typeName = mediaTypeName(type);
    QJsonObject object;
    const bool isLink = mediaIdOrLink.startsWith(QLatin1String("http://")) || mediaIdOrLink.startsWith(QLatin1String("https://"));
    object.insert(isLink ? QStringLiteral("link") : QStringLiteral("id"), mediaIdOrLink);
    // Only images, videos and documents carry a caption; only documents a file name.
    if (!caption.isEmpty() && (type == MediaType::Image || type == MediaType::Video || type == MediaType::Document))
        object.insert(QStringLiteral("caption"), caption);
    if (!filename.isEmpty() && type == MediaType::Document)
        object.insert(QStringLiteral("filename"), filename);
    QJsonObject message = base(common, typeName);
    message.insert(typeName, object);
    return message;
}

QJsonObject templateMessage(const Common &common, const QString &name, const QString &languageCode,
                            const QStringList &bodyParameters, const QStringList &headerParameters)
{
    QJsonArray components;
    if (!headerParameters.isEmpty())
        components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("header")},
                                      {QStringLiteral("parameters"), textParameters(headerParameters)}});
    if (!bodyParameters.isEmpty())
        components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("body")},
                                      {QStringLiteral("parameters"), textParameters(bodyParameters)}});
    QJsonObject object{{QStringLiteral("name"), name},
                       {QStringLiteral("language"), QJsonObject{{QStringLiteral("policy"), QStringLiteral("deterministic")},
                                                                {QStringLiteral("code"), languageCode}}}};
    if (!components.isEmpty())
        object.insert(QStringLiteral("components"), components);
    QJsonObject message = base(common, QStringLiteral("template"));
    message.insert(QStringLiteral("template"), object);
    return message;
}

QJsonObject reaction(const Common &common, const QString &messageId, const QString &emoji)
{
    QJsonObject message = base(common, QStringLiteral("reaction"));
    message.insert(QStringLiteral("reaction"), QJsonObject{{QStringLiteral("message_id"), messageId},
                                                           {QStringLiteral("emoji"), emoji}});
    return message;
}

QJsonObject replyButtons(const Common &common, const QString &body, const QList<ReplyButton> &buttons)
{
    QJsonArray array;
    for (const ReplyButton &button : buttons) {
        array.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("reply")},
                                 {QStringLiteral("reply"), QJsonObject{{QStringLiteral("id"), button.id},
                                                                       {QStringLiteral("title"), button.title}}}});
    }
    QJsonObject message = base(common, QStringLiteral("interactive"));
    message.insert(QStringLiteral("interactive"),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                               {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), body}}},
                               {QStringLiteral("action"), QJsonObject{{QStringLiteral("buttons"), array}}}});
    return message;
}

QJsonObject list(const Common &common, const QString &body, const QString &buttonText, const QList<ListSection> &sections)
{
    QJsonArray sectionArray;
    for (const ListSection &section : sections) {
        QJsonArray rows;
        for (const ListRow &row : section.rows) {
            QJsonObject object{{QStringLiteral("id"), row.id}, {QStringLiteral("title"), row.title}};
            if (!row.description.isEmpty())
                object.insert(QStringLiteral("description"), row.description);
            rows.append(object);
        }
        sectionArray.append(QJsonObject{{QStringLiteral("title"), section.title}, {QStringLiteral("rows"), rows}});
    }
    QJsonObject message = base(common, QStringLiteral("interactive"));
    message.insert(QStringLiteral("interactive"),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("list")},
                               {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), body}}},
                               {QStringLiteral("action"), QJsonObject{{QStringLiteral("button"), buttonText},
                                                                      {QStringLiteral("sections"), sectionArray}}}});
    return message;
}

QJsonObject product(const Common &common, const QString &catalogId, const QString &retailerId, const QString &body,
                    const QString &footer)
{
    QJsonObject interactive{{QStringLiteral("type"), QStringLiteral("product")},
                            {QStringLiteral("action"), QJsonObject{{QStringLiteral("catalog_id"), catalogId},
                                                                   {QStringLiteral("product_retailer_id"), retailerId}}}};
    if (!body.isEmpty())
        interactive.insert(QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), body}});
    if (!footer.isEmpty())
        interactive.insert(QStringLiteral("footer"), QJsonObject{{QStringLiteral("text"), footer}});
    QJsonObject message = base(common, QStringLiteral("interactive"));
    message.insert(QStringLiteral("interactive"), interactive);
    return message;
}

QJsonObject productList(const Common &common, const QString &catalogId, const QString &header, const QString &body,
                        const QList<ProductSection> &sections)
{
    QJsonArray sectionArray;
    for (const ProductSection &section : sections) {
        QJsonArray items;
        for (const QString &id : section.retailerIds)
            items.append(QJsonObject{{QStringLiteral("product_retailer_id"), id}});
        QJsonObject object;
        object.insert(QStringLiteral("product_items"), items);
        if (!section.title.isEmpty())
            object.insert(QStringLiteral("title"), section.title);
        sectionArray.append(object);
    }
    QJsonObject action;
    action.insert(QStringLiteral("catalog_id"), catalogId);
    action.insert(QStringLiteral("sections"), sectionArray);
    QJsonObject message = base(common, QStringLiteral("interactive"));
    message.insert(QStringLiteral("interactive"),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("product_list")},
                               {QStringLiteral("header"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                                      {QStringLiteral("text"), header}}},
                               {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), body}}},
                               {QStringLiteral("action"), action}});
    return message;
}

QJsonObject catalogMessage(const Common &common, const QString &body, const QString &thumbnailRetailerId)
{
    QJsonObject action{{QStringLiteral("name"), QStringLiteral("catalog_message")}};
    if (!thumbnailRetailerId.isEmpty())
        action.insert(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("thumbnail_product_retailer_id"), thumbnailRetailerId}});
    QJsonObject message = base(common, QStringLiteral("interactive"));
    message.insert(QStringLiteral("interactive"),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("catalog_message")},
                               {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), body}}},
                               {QStringLiteral("action"), action}});
    return message;
}

QString validateProductList(const QString &header, const QList<ProductSection> &sections)
{
    qsizetype items = 0;
    for (const ProductSection &section : sections) {
        items += section.retailerIds.size();
        if (section.retailerIds.isEmpty())
            return QCoreApplication::translate("Mostrador::MessagePayloads", "A section of the list has no products.");
        if (section.title.size() > 24)
            return QCoreApplication::translate("Mostrador::MessagePayloads", "A section's title is longer than 24 characters.");
        if (sections.size() > 1 && section.title.isEmpty())
            return QCoreApplication::translate("Mostrador::MessagePayloads", "With several sections, each needs a title.");
    }
    if (items == 0)
        return QCoreApplication::translate("Mostrador::MessagePayloads", "Choose at least one product.");
    if (items > kMaxListedProducts)
        return QCoreApplication::translate("Mostrador::MessagePayloads", "WhatsApp shows at most %1 products in one message.")
            .arg(kMaxListedProducts);
    if (sections.size() > kMaxProductSections)
        return QCoreApplication::translate("Mostrador::MessagePayloads", "WhatsApp shows at most %1 sections.").arg(kMaxProductSections);
    if (header.trimmed().isEmpty() || header.size() > 60)
        return QCoreApplication::translate("Mostrador::MessagePayloads", "The list needs a title of at most 60 characters.");
    return {};
}

QJsonObject blockUsers(const QStringList &users)
{
    QJsonArray list;
    for (const QString &user : users)
        list.append(QJsonObject{{QStringLiteral("user"), user}});
    return {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")}, {QStringLiteral("block_users"), list}};
}

QJsonObject markRead(const QString &messageId, bool showTyping)
{
    QJsonObject body{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                     {QStringLiteral("status"), QStringLiteral("read")},
                     {QStringLiteral("message_id"), messageId}};
    if (showTyping)
        body.insert(QStringLiteral("typing_indicator"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}});
    return body;
}

QString validateText(const QString &body)
{
    if (body.trimmed().isEmpty())
        return QCoreApplication::translate("MessagePayloads", "The message is empty.");
    if (body.size() > kMaxTextLength)
        return QCoreApplication::translate("MessagePayloads", "The message is %1 characters long; WhatsApp allows up to %2.")
            .arg(body.size())
            .arg(kMaxTextLength);
    return {};
}

QStringList splitText(const QString &body, int limit)
{
    QStringList parts;
    QString rest = body.trimmed();
    while (rest.size() > limit) {
        const QStringView window = QStringView(rest).left(limit + 1);
        qsizetype cut = -1;
        // The latest good place to cut, in order of preference, not too early (half a message).
        for (const QString &mark : {QStringLiteral("\n\n"), QStringLiteral("\n"), QStringLiteral(". "), QStringLiteral("? "),
                                    QStringLiteral("! "), QStringLiteral(" ")}) {
            const qsizetype at = window.lastIndexOf(mark);
            if (at >= limit / 2) {
                cut = at + (mark.startsWith(u'\n') || mark == QLatin1String(" ") ? 0 : 1);
                break;
            }
        }
        if (cut <= 0)
            cut = limit;
        parts << rest.left(cut).trimmed();
        rest = rest.mid(cut).trimmed();
    }
    if (!rest.isEmpty())
        parts << rest;
    return parts;
}

QString validateButtons(const QList<ReplyButton> &buttons)
{
    if (buttons.isEmpty() || buttons.size() > kMaxButtons)
        return QCoreApplication::translate("MessagePayloads", "A message can have from 1 to 3 reply buttons.");
    for (const ReplyButton &button : buttons) {
        if (button.title.isEmpty() || button.title.size() > kMaxButtonTitle)
            return QCoreApplication::translate("MessagePayloads", "Button titles must have 1 to 20 characters: \"%1\" does not.")
                .arg(button.title);
    }
    return {};
}

} // namespace Mostrador::MessagePayloads
