#include "webhookparser.h"

#include <QDateTime>
#include <QJsonArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

namespace Mostrador {

namespace {

QString str(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

QJsonObject obj(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

QJsonArray arr(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toArray();
}

QDateTime unixTime(const QJsonObject &object, const char *key)
{
    // Seconds since 1970 up to the year 9999: anything else is not a time (and a double out of
    // qint64's range must never reach the conversion, which would be undefined).
    constexpr double kLatest = 253402300799.0;
    const QJsonValue value = object.value(QLatin1String(key));
    bool ok = false;
    const double seconds = value.isDouble() ? value.toDouble() : double(value.toString().toLongLong(&ok));
    if ((!value.isDouble() && !ok) || !(seconds >= 0 && seconds <= kLatest))
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC);
}

QList<WireError> errorsOf(const QJsonObject &object)
{
    QList<WireError> errors;
    for (const QJsonValue &value : arr(object, "errors"))
        errors << WireError::fromJson(value.toObject(), 0);
    return errors;
}

CustomerIdentity identityOf(const QJsonObject &contact)
{
    CustomerIdentity identity;
    identity.waId = str(contact, "wa_id");
    identity.userId = str(contact, "user_id");
    identity.parentUserId = str(contact, "parent_user_id");
    const QJsonObject profile = obj(contact, "profile");
    identity.profileName = str(profile, "name");
    identity.username = str(profile, "username");
    return identity;
}

// The "contacts" beside the messages, read once and found by wa_id or user id.
class Contacts
{
public:
    explicit Contacts(const QJsonArray &array)
    {
        for (const QJsonValue &value : array) {
            const CustomerIdentity identity = identityOf(value.toObject());
            m_list << identity;
            if (!identity.waId.isEmpty())
                m_byWaId.insert(identity.waId, m_list.size() - 1);
            if (!identity.userId.isEmpty())
                m_byUserId.insert(identity.userId, m_list.size() - 1);
        }
    }

    [[nodiscard]] const CustomerIdentity *find(const QString &waId, const QString &userId) const
    {
        if (const auto it = m_byWaId.constFind(waId); !waId.isEmpty() && it != m_byWaId.constEnd())
            return &m_list.at(*it);
        if (const auto it = m_byUserId.constFind(userId); !userId.isEmpty() && it != m_byUserId.constEnd())
            return &m_list.at(*it);
        return m_list.size() == 1 ? &m_list.first() : nullptr;
    }

private:
    QList<CustomerIdentity> m_list;
    QHash<QString, qsizetype> m_byWaId;
    QHash<QString, qsizetype> m_byUserId;
};

// The contact entry that belongs to a message: matched on wa_id or user id, else the only one.
CustomerIdentity findCustomer(const Contacts &contacts, const QString &waId, const QString &userId)
{
    if (const CustomerIdentity *found = contacts.find(waId, userId))
        return *found;
    CustomerIdentity identity;
    // Without a contacts entry the sender id is all we have; user ids start with a country code
    // and a dot ("US.123"), phone-number ids are digits.
    identity.waId = waId;
    identity.userId = userId;
    return identity;
}

void readMedia(WireMessage &message, const QJsonObject &media)
{
    message.media.id = str(media, "id");
    message.media.mimeType = str(media, "mime_type");
    message.media.sha256 = str(media, "sha256");
    message.media.url = str(media, "url");
    message.media.filename = str(media, "filename");
    message.media.voice = media.value(QLatin1String("voice")).toBool();
    message.media.animated = media.value(QLatin1String("animated")).toBool();
    message.caption = str(media, "caption");
    message.text = message.caption.isEmpty() ? message.media.filename : message.caption;
}

QString contactsSummary(const QJsonArray &contacts)
{
    QStringList people;
    for (const QJsonValue &value : contacts) {
        const QJsonObject contact = value.toObject();
        QString name = str(obj(contact, "name"), "formatted_name");
        const QJsonArray phones = arr(contact, "phones");
        if (!phones.isEmpty())
            name += QStringLiteral(" (") + str(phones.first().toObject(), "phone") + QLatin1Char(')');
        people << name.trimmed();
    }
    return people.join(QStringLiteral(", "));
}

void readInteractive(WireMessage &message, const QJsonObject &interactive)
{
    const QString type = str(interactive, "type");
    const QJsonObject reply = obj(interactive, type.toLatin1().constData());
    message.replyId = str(reply, "id");
    message.text = str(reply, "title");
    if (type == QLatin1String("nfm_reply")) {
        message.text = str(reply, "body");
        message.replyId = str(reply, "name");
    } else if (type == QLatin1String("call_permission_reply")) {
        message.text = str(reply, "response");
    }
}

// Fills the type-specific part. Returns false when the type is one Mostrador does not know.
// A cart: its products by the shop's retailer id, with quantity and unit price (numbers, or
// numbers written as text), and the customer's note.
void readOrder(WireMessage &message, const QJsonObject &content)
{
    message.text = str(content, "text");
    message.catalogId = str(content, "catalog_id");
    message.replyId = message.catalogId;
    for (const QJsonValue &value : arr(content, "product_items")) {
        const QJsonObject item = value.toObject();
        OrderLine line;
        line.retailerId = str(item, "product_retailer_id");
        line.quantity = item.value(QLatin1String("quantity")).toVariant().toInt();
        line.unitCents = Money::centsOf(item.value(QLatin1String("item_price")).toVariant().toDouble());
        line.currency = str(item, "currency").toUpper();
        if (!line.retailerId.isEmpty() && line.quantity > 0)
            message.orderLines << line;
    }
}

void readContent(WireMessage &message, const QJsonObject &json)
{
    message.typeName = str(json, "type");
    message.kind = messageKindFromName(message.typeName);
    const QJsonObject content = obj(json, message.typeName.toLatin1().constData());

    switch (message.kind) {
    case MessageKind::Text:
        message.text = str(content, "body");
        break;
    case MessageKind::Image:
    case MessageKind::Video:
    case MessageKind::Audio:
    case MessageKind::Document:
    case MessageKind::Sticker:
        readMedia(message, content);
        break;
    case MessageKind::Location: {
        message.hasLocation = content.contains(QLatin1String("latitude"));
        message.latitude = content.value(QLatin1String("latitude")).toDouble();
        message.longitude = content.value(QLatin1String("longitude")).toDouble();
        const QStringList parts{str(content, "name"), str(content, "address")};
        QStringList present;
        for (const QString &part : parts) {
            if (!part.isEmpty())
                present << part;
        }
        message.text = present.join(QStringLiteral(", "));
        break;
    }
    case MessageKind::Contacts:
        message.text = contactsSummary(arr(json, "contacts"));
        break;
    case MessageKind::Interactive:
        readInteractive(message, content);
        break;
    case MessageKind::Button:
        message.text = str(content, "text");
        message.replyId = str(content, "payload");
        break;
    case MessageKind::Reaction:
        message.targetMessageId = str(content, "message_id");
        message.text = str(content, "emoji");
        break;
    case MessageKind::Order:
        readOrder(message, content);
        break;
    case MessageKind::System:
        message.text = str(content, "body");
        // A customer's new number or business-scoped id: the same person, history and all.
        message.identityChange.type = str(content, "type");
        message.identityChange.newWaId = str(content, "wa_id");
        message.identityChange.newUserId = str(content, "user_id");
        break;
    case MessageKind::Edit: {
        message.targetMessageId = str(content, "original_message_id");
        const QJsonObject edited = obj(content, "message");
        WireMessage inner;
        readContent(inner, edited);
        message.text = inner.text;
        message.caption = inner.caption;
        message.media = inner.media;
        break;
    }
    case MessageKind::Revoke:
        message.targetMessageId = str(content, "original_message_id");
        break;
    case MessageKind::Unsupported:
        // Also where unknown types land: the raw JSON is kept and the UI says "unsupported".
        break;
    }
}

WireMessage readMessage(const QJsonObject &json, Direction direction, const QJsonObject &metadata,
                        const Contacts &contacts)
{
    WireMessage message;
    message.direction = direction;
    message.raw = json;
    message.wamid = str(json, "id");
    message.businessPhoneNumberId = str(metadata, "phone_number_id");
    message.businessDisplayNumber = str(metadata, "display_phone_number");
    message.timestamp = unixTime(json, "timestamp");
    if (direction == Direction::Inbound)
        message.customer = findCustomer(contacts, str(json, "from"), str(json, "from_user_id"));
    else
        message.customer = findCustomer(contacts, str(json, "to"), str(json, "to_user_id"));

    readContent(message, json);

    const QJsonObject context = obj(json, "context");
    message.contextMessageId = str(context, "id");
    message.contextFrom = str(context, "from");
    message.forwarded = context.value(QLatin1String("forwarded")).toBool();
    message.frequentlyForwarded = context.value(QLatin1String("frequently_forwarded")).toBool();
    if (message.frequentlyForwarded)
        message.forwarded = true;

    const QJsonObject referral = obj(json, "referral");
    message.referral.sourceUrl = str(referral, "source_url");
    message.referral.sourceId = str(referral, "source_id");
    message.referral.sourceType = str(referral, "source_type");
    message.referral.headline = str(referral, "headline");
    message.referral.body = str(referral, "body");
    message.referral.ctwaClid = str(referral, "ctwa_clid");

    message.errors = errorsOf(json);
    return message;
}

StatusUpdate readStatus(const QJsonObject &json, const QJsonObject &metadata)
{
    StatusUpdate status;
    status.raw = json;
    status.wamid = str(json, "id");
    status.businessPhoneNumberId = str(metadata, "phone_number_id");
    status.statusName = str(json, "status");
    status.status = deliveryStatusFromName(status.statusName);
    status.timestamp = unixTime(json, "timestamp");
    status.recipientId = str(json, "recipient_id");
    status.recipientUserId = str(json, "recipient_user_id");
    status.parentRecipientUserId = str(json, "parent_recipient_user_id");
    status.bizOpaqueCallbackData = str(json, "biz_opaque_callback_data");
    const QJsonObject conversation = obj(json, "conversation");
    status.conversationId = str(conversation, "id");
    status.conversationOrigin = str(obj(conversation, "origin"), "type");
    status.conversationExpiry = unixTime(conversation, "expiration_timestamp");
    const QJsonObject pricing = obj(json, "pricing");
    status.pricingCategory = str(pricing, "category");
    status.pricingType = str(pricing, "type");
    status.pricingModel = str(pricing, "pricing_model");
    if (pricing.value(QLatin1String("billable")).isBool())
        status.pricingBillable = pricing.value(QLatin1String("billable")).toBool();
    status.errors = errorsOf(json);
    return status;
}

void readMessagesValue(WebhookBatch &batch, const QString &field, const QJsonObject &value)
{
    const QJsonObject metadata = obj(value, "metadata");
    const Contacts contacts(arr(value, "contacts"));
    const bool echoes = field == QLatin1String("smb_message_echoes");
    // Meta's AI agent's conversations: the customer's messages and the agent's replies (echoes).
    const bool standby = field == QLatin1String("standby");

    if (!echoes) {
        for (const QJsonValue &message : arr(value, "messages")) {
            batch.messages << readMessage(message.toObject(), Direction::Inbound, metadata, contacts);
            batch.messages.last().handledByMetaAgent = standby;
        }
    }
    if (echoes || standby) {
        for (const QJsonValue &message : arr(value, "message_echoes")) {
            batch.messages << readMessage(message.toObject(), Direction::Outbound, metadata, contacts);
            batch.messages.last().handledByMetaAgent = standby;
        }
    }
    for (const QJsonValue &status : arr(value, "statuses"))
        batch.statuses << readStatus(status.toObject(), metadata);
    batch.errors << errorsOf(value);

    // Anything else beside them (groups, and whatever Meta adds next) is kept as it came.
    static const QStringList known{QStringLiteral("messaging_product"), QStringLiteral("metadata"),
                                   QStringLiteral("contacts"), QStringLiteral("messages"),
                                   QStringLiteral("message_echoes"), QStringLiteral("statuses"),
                                   QStringLiteral("errors")};
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (!known.contains(it.key())) {
            batch.others << OtherChange{field, QStringLiteral("unhandled part: ") + it.key(), value};
            break;
        }
    }
}

// Since October 2025 Meta says when the business moves to another volume tier of utility or
// authentication prices in a market (account_update, VOLUME_BASED_PRICING_TIER_UPDATE): kept as
// read, in words, beside the payload.
QString volumeTierText(const QJsonObject &info)
{
    const QJsonValue updated = info.value(QLatin1String("tier_update_time"));
    const QString at = updated.isDouble() || updated.isString()
        ? QDateTime::fromSecsSinceEpoch(qint64(updated.toVariant().toLongLong()), Qt::UTC).toString(Qt::ISODate)
        : QString();
    return QStringLiteral("volume pricing tier: %1 in %2 from %3 is tier %4%5")
        .arg(str(info, "pricing_category").toLower(), str(info, "region"), str(info, "effective_month"), str(info, "tier"),
             at.isEmpty() ? QString() : QStringLiteral(" (updated %1)").arg(at));
}

int numberOf(const QJsonObject &json, const char *key, int fallback)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isDouble())
        return value.toInt();
    bool ok = false;
    const int number = value.toString().toInt(&ok);
    return ok ? number : fallback;
}

// The WhatsApp Business app's history: chunks of threads, one per customer, each message from
// the customer or (with "to") from the business; or the business's refusal to share it.
void readHistoryValue(WebhookBatch &batch, const QJsonObject &value)
{
    const QJsonObject metadata = obj(value, "metadata");
    const QString business = str(metadata, "display_phone_number");
    for (const QJsonValue &chunkValue : arr(value, "history")) {
        const QJsonObject chunk = chunkValue.toObject();
        const QJsonObject chunkMetadata = obj(chunk, "metadata");
        HistoryChunk history;
        history.businessPhoneNumberId = str(metadata, "phone_number_id");
        history.phase = numberOf(chunkMetadata, "phase", -1);
        history.chunkOrder = numberOf(chunkMetadata, "chunk_order", 0);
        history.progress = numberOf(chunkMetadata, "progress", -1);
        history.errors = errorsOf(chunk);
        for (const QJsonValue &threadValue : arr(chunk, "threads")) {
            const QJsonObject thread = threadValue.toObject();
            const QString customer = str(thread, "id");
            for (const QJsonValue &messageValue : arr(thread, "messages")) {
                const QJsonObject json = messageValue.toObject();
                const bool fromBusiness = json.contains(QLatin1String("to")) || (!business.isEmpty() && str(json, "from") == business);
                WireMessage message = readMessage(json, fromBusiness ? Direction::Outbound : Direction::Inbound, metadata, Contacts(QJsonArray()));
                if (message.customer.isEmpty())
                    message.customer.waId = customer;
                message.fromHistory = true;
                message.historyStatus = deliveryStatusFromName(str(obj(json, "history_context"), "status").toLower());
                batch.messages << message;
            }
        }
        batch.history << history;
    }
}

// The WhatsApp Business app's contacts: added, edited or removed on the phone.
void readStateSyncValue(WebhookBatch &batch, const QJsonObject &value)
{
    for (const QJsonValue &itemValue : arr(value, "state_sync")) {
        const QJsonObject item = itemValue.toObject();
        if (str(item, "type") != QLatin1String("contact")) {
            batch.others << OtherChange{QStringLiteral("smb_app_state_sync"), QStringLiteral("unhandled state: ") + str(item, "type"), item};
            continue;
        }
        const QJsonObject contact = obj(item, "contact");
        ContactChange change;
        change.waId = str(contact, "phone_number");
        change.fullName = str(contact, "full_name");
        change.firstName = str(contact, "first_name");
        change.removed = str(item, "action") == QLatin1String("remove");
        change.at = unixTime(obj(item, "metadata"), "timestamp");
        if (!change.waId.isEmpty())
            batch.contactChanges << change;
    }
}

// A template's review, quality or category, from the business account's template webhooks.
void readTemplateValue(WebhookBatch &batch, const QString &field, const QJsonObject &value, const QDateTime &at)
{
    TemplateChange change;
    const QJsonValue id = value.value(QLatin1String("message_template_id"));
    change.templateId = id.isString() ? id.toString() : QString::number(id.toInteger());
    change.name = str(value, "message_template_name");
    change.language = str(value, "message_template_language");
    change.at = at;
    if (field == QLatin1String("message_template_status_update")) {
        change.status = str(value, "event");
        change.reason = str(value, "reason");
        if (!str(value, "message_template_category").isEmpty())
            change.newCategory = str(value, "message_template_category");
    } else if (field == QLatin1String("message_template_quality_update")) {
        change.quality = str(value, "new_quality_score");
    } else {
        change.previousCategory = str(value, "previous_category");
        change.newCategory = str(value, "new_category");
    }
    if (change.templateId.isEmpty() || change.templateId == QLatin1String("0") || change.name.isEmpty()) {
        batch.others << OtherChange{field, QStringLiteral("a template change without the template's id or name"), value};
        return;
    }
    batch.templateChanges << change;
}

} // namespace

WebhookParser::Result WebhookParser::parse(const QByteArray &body)
{
    Result result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QStringLiteral("the body is not valid JSON (%1 at byte %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return result;
    }
    if (!document.isObject()) {
        result.error = QStringLiteral("the body is JSON but not an object");
        return result;
    }

    result.ok = true;
    const QJsonObject root = document.object();
    const QJsonValue entries = root.value(QLatin1String("entry"));
    if (!entries.isArray()) {
        result.batch.others << OtherChange{QString(), QStringLiteral("no entry list"), root};
        return result;
    }

    for (const QJsonValue &entry : entries.toArray()) {
        for (const QJsonValue &changeValue : arr(entry.toObject(), "changes")) {
            const QJsonObject change = changeValue.toObject();
            const QString field = str(change, "field");
            const QJsonObject value = obj(change, "value");
            if (field == QLatin1String("messages") || field == QLatin1String("smb_message_echoes") || field == QLatin1String("standby"))
                readMessagesValue(result.batch, field, value);
            else if (field == QLatin1String("history"))
                readHistoryValue(result.batch, value);
            else if (field == QLatin1String("smb_app_state_sync"))
                readStateSyncValue(result.batch, value);
            else if (field == QLatin1String("message_template_status_update") || field == QLatin1String("message_template_quality_update")
                     || field == QLatin1String("template_category_update"))
                readTemplateValue(result.batch, field, value, unixTime(entry.toObject(), "time"));
            else if (field == QLatin1String("account_update") && str(value, "event") == QLatin1String("VOLUME_BASED_PRICING_TIER_UPDATE"))
                result.batch.others << OtherChange{field, volumeTierText(obj(value, "volume_tier_info")), value};
            else
                result.batch.others << OtherChange{field, QStringLiteral("not a message field"), value};
        }
    }
    return result;
}

} // namespace Mostrador
