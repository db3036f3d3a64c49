#include "webhookpayloads.h"

#include "messaging/metapricing.h"

#include "messaging/waid.h"

#include <QJsonArray>

namespace Mostrador::WebhookPayloads {

namespace {

QString seconds(const QDateTime &at)
{
    return QString::number(at.toSecsSinceEpoch());
}

} // namespace

QJsonObject message(const QString &wamid, const Sender &from, const QDateTime &at, const QString &type,
                    const QJsonObject &content)
{
    QJsonObject message{{QStringLiteral("id"), wamid},
                        {QStringLiteral("timestamp"), seconds(at)},
                        {QStringLiteral("type"), type},
                        {type, content}};
    // Since 2026 a customer may arrive without a phone number: from_user_id instead of from.
    if (!from.waId.isEmpty())
        message.insert(QStringLiteral("from"), from.waId);
    if (!from.userId.isEmpty())
        message.insert(QStringLiteral("from_user_id"), from.userId);
    return message;
}

QJsonObject textMessage(const QString &wamid, const Sender &from, const QDateTime &at, const QString &body)
{
    return message(wamid, from, at, QStringLiteral("text"), {{QStringLiteral("body"), body}});
}

QJsonObject pricing(const QString &category, bool withinWindow, QDate day)
{
    const MetaCharge charge = MetaPricing::charge(category, withinWindow, false, day);
    return {{QStringLiteral("billable"), charge.billable},
            {QStringLiteral("pricing_model"), QStringLiteral("PMP")},
            {QStringLiteral("type"), charge.type},
            {QStringLiteral("category"), charge.category}};
}

QJsonObject status(const QString &wamid, const QString &recipient, const QString &state, const QDateTime &at,
                   const QString &callbackData, const QList<WireError> &errors, const QJsonObject &charge)
{
    QJsonObject object{{QStringLiteral("id"), wamid},
                       {QStringLiteral("status"), state},
                       {QStringLiteral("timestamp"), seconds(at)},
                       // A send to a business-scoped id names it so, and no phone number.
                       {WaId::isBusinessScopedUserId(recipient) ? QStringLiteral("recipient_user_id") : QStringLiteral("recipient_id"),
                        recipient}};
    if (!callbackData.isEmpty())
        object.insert(QStringLiteral("biz_opaque_callback_data"), callbackData);
    if (state != QLatin1String("failed"))
        object.insert(QStringLiteral("pricing"), charge.isEmpty() ? pricing(QStringLiteral("service"), true, at.date()) : charge);
    if (!errors.isEmpty()) {
        QJsonArray array;
        for (const WireError &error : errors) {
            array.append(QJsonObject{{QStringLiteral("code"), error.code},
                                     {QStringLiteral("title"), error.title},
                                     {QStringLiteral("message"), error.message},
                                     {QStringLiteral("error_data"), QJsonObject{{QStringLiteral("details"), error.details}}}});
        }
        object.insert(QStringLiteral("errors"), array);
    }
    return object;
}

QJsonObject envelope(const Business &business, const QList<Sender> &contacts, const QList<QJsonObject> &messages,
                     const QList<QJsonObject> &statuses)
{
    QJsonObject value{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                      {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("display_phone_number"), business.displayNumber},
                                                               {QStringLiteral("phone_number_id"), business.phoneNumberId}}}};
    if (!contacts.isEmpty()) {
        QJsonArray array;
        for (const Sender &sender : contacts) {
            QJsonObject profile{{QStringLiteral("name"), sender.name}};
            if (!sender.username.isEmpty())
                profile.insert(QStringLiteral("username"), sender.username);
            QJsonObject contact{{QStringLiteral("profile"), profile}};
            if (!sender.waId.isEmpty())
                contact.insert(QStringLiteral("wa_id"), sender.waId);
            if (!sender.userId.isEmpty())
                contact.insert(QStringLiteral("user_id"), sender.userId);
            array.append(contact);
        }
        value.insert(QStringLiteral("contacts"), array);
    }
    if (!messages.isEmpty()) {
        QJsonArray array;
        for (const QJsonObject &message : messages)
            array.append(message);
        value.insert(QStringLiteral("messages"), array);
    }
    if (!statuses.isEmpty()) {
        QJsonArray array;
        for (const QJsonObject &status : statuses)
            array.append(status);
        value.insert(QStringLiteral("statuses"), array);
    }
    const QJsonObject change{{QStringLiteral("field"), QStringLiteral("messages")}, {QStringLiteral("value"), value}};
    const QJsonObject entry{{QStringLiteral("id"), business.wabaId}, {QStringLiteral("changes"), QJsonArray{change}}};
    return {{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
            {QStringLiteral("entry"), QJsonArray{entry}}};
}

QJsonObject agentReply(const QString &wamid, const Business &business, const Sender &to, const QDateTime &at, const QString &body)
{
    QJsonObject echo{{QStringLiteral("id"), wamid},
                     {QStringLiteral("from"), business.displayNumber},
                     {QStringLiteral("timestamp"), seconds(at)},
                     {QStringLiteral("type"), QStringLiteral("text")},
                     {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), body}}}};
    if (!to.waId.isEmpty())
        echo.insert(QStringLiteral("to"), to.waId);
    if (!to.userId.isEmpty())
        echo.insert(QStringLiteral("to_user_id"), to.userId);
    return echo;
}

QJsonObject standbyEnvelope(const Business &business, const QList<Sender> &contacts, const QList<QJsonObject> &customerMessages,
                            const QList<QJsonObject> &agentReplies)
{
    QJsonObject root = envelope(business, contacts, customerMessages);
    QJsonArray entries = root.value(QStringLiteral("entry")).toArray();
    QJsonObject entry = entries.first().toObject();
    QJsonObject change = entry.value(QStringLiteral("changes")).toArray().first().toObject();
    QJsonObject value = change.value(QStringLiteral("value")).toObject();
    if (!agentReplies.isEmpty()) {
        QJsonArray echoes;
        for (const QJsonObject &reply : agentReplies)
            echoes.append(reply);
        value.insert(QStringLiteral("message_echoes"), echoes);
    }
    change.insert(QStringLiteral("field"), QStringLiteral("standby"));
    change.insert(QStringLiteral("value"), value);
    entry.insert(QStringLiteral("changes"), QJsonArray{change});
    entries.replace(0, entry);
    root.insert(QStringLiteral("entry"), entries);
    return root;
}

namespace {

QJsonObject fieldEnvelope(const Business &business, const QString &field, QJsonObject value)
{
    value.insert(QStringLiteral("messaging_product"), QStringLiteral("whatsapp"));
    value.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("display_phone_number"), business.displayNumber},
                                                         {QStringLiteral("phone_number_id"), business.phoneNumberId}});
    const QJsonObject change{{QStringLiteral("field"), field}, {QStringLiteral("value"), value}};
    const QJsonObject entry{{QStringLiteral("id"), business.wabaId}, {QStringLiteral("changes"), QJsonArray{change}}};
    return {{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")}, {QStringLiteral("entry"), QJsonArray{entry}}};
}

} // namespace

QJsonObject historyChunk(const Business &business, int phase, int chunkOrder, int progress, const QList<HistoryThread> &threads)
{
    QJsonArray threadArray;
    for (const HistoryThread &thread : threads) {
        QJsonArray messages;
        for (qsizetype i = 0; i < thread.messages.size(); ++i) {
            QJsonObject message = thread.messages.at(i);
            message.remove(QStringLiteral("context"));
            if (!thread.statuses.value(i).isEmpty())
                message.insert(QStringLiteral("history_context"), QJsonObject{{QStringLiteral("status"), thread.statuses.at(i)}});
            messages.append(message);
        }
        threadArray.append(QJsonObject{{QStringLiteral("id"), thread.customerWaId}, {QStringLiteral("messages"), messages}});
    }
    const QJsonObject chunk{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("phase"), phase},
                                                                      {QStringLiteral("chunk_order"), chunkOrder},
                                                                      {QStringLiteral("progress"), progress}}},
                            {QStringLiteral("threads"), threadArray}};
    return fieldEnvelope(business, QStringLiteral("history"), {{QStringLiteral("history"), QJsonArray{chunk}}});
}

QJsonObject historyDeclined(const Business &business)
{
    const QJsonObject error{{QStringLiteral("code"), WireError::kHistorySharingDeclined},
                            {QStringLiteral("title"), QStringLiteral("History sharing is turned off by the business")},
                            {QStringLiteral("message"), QStringLiteral("History sharing is turned off by the business")},
                            {QStringLiteral("error_data"),
                             QJsonObject{{QStringLiteral("details"), QStringLiteral("The business declined to share its chat history.")}}}};
    return fieldEnvelope(business, QStringLiteral("history"),
                         {{QStringLiteral("history"), QJsonArray{QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}}}}});
}

QJsonObject appContacts(const Business &business, const QList<AppContact> &contacts, const QDateTime &at)
{
    QJsonArray items;
    for (const AppContact &contact : contacts) {
        QJsonObject person{{QStringLiteral("phone_number"), contact.waId}};
        if (!contact.fullName.isEmpty()) {
            person.insert(QStringLiteral("full_name"), contact.fullName);
            person.insert(QStringLiteral("first_name"), contact.fullName.section(QLatin1Char(' '), 0, 0));
        }
        items.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("contact")},
                                 {QStringLiteral("contact"), person},
                                 {QStringLiteral("action"), contact.fullName.isEmpty() ? QStringLiteral("remove") : QStringLiteral("add")},
                                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("timestamp"), QString::number(at.toSecsSinceEpoch())}}}});
    }
    return fieldEnvelope(business, QStringLiteral("smb_app_state_sync"), {{QStringLiteral("state_sync"), items}});
}

namespace {

// The business account's template webhooks: the entry is the account, the time the change's.
QJsonObject accountEnvelope(const Business &business, const QString &field, const QJsonObject &value, const QDateTime &at)
{
    return {{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
            {QStringLiteral("entry"), QJsonArray{QJsonObject{
                 {QStringLiteral("id"), business.wabaId},
                 {QStringLiteral("time"), at.toSecsSinceEpoch()},
                 {QStringLiteral("changes"), QJsonArray{QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("value"), value}}}}}}}};
}

QJsonObject templateNamed(const MessageTemplate &templ)
{
    return {{QStringLiteral("message_template_id"), templ.id.toLongLong()},
            {QStringLiteral("message_template_name"), templ.name},
            {QStringLiteral("message_template_language"), templ.language}};
}

} // namespace

QJsonObject templateStatus(const Business &business, const MessageTemplate &templ, const QString &event, const QString &reason,
                           const QDateTime &at)
{
    QJsonObject value = templateNamed(templ);
    value.insert(QStringLiteral("event"), event);
    value.insert(QStringLiteral("reason"), reason);
    value.insert(QStringLiteral("message_template_category"), templ.category);
    return accountEnvelope(business, QStringLiteral("message_template_status_update"), value, at);
}

QJsonObject templateQuality(const Business &business, const MessageTemplate &templ, const QString &previous, const QString &quality,
                            const QDateTime &at)
{
    QJsonObject value = templateNamed(templ);
    value.insert(QStringLiteral("previous_quality_score"), previous);
    value.insert(QStringLiteral("new_quality_score"), quality);
    return accountEnvelope(business, QStringLiteral("message_template_quality_update"), value, at);
}

QJsonObject templateCategory(const Business &business, const MessageTemplate &templ, const QString &previous, const QString &category,
                             const QDateTime &at)
{
    QJsonObject value = templateNamed(templ);
    value.insert(QStringLiteral("previous_category"), previous);
    value.insert(QStringLiteral("new_category"), category);
    return accountEnvelope(business, QStringLiteral("template_category_update"), value, at);
}

} // namespace Mostrador::WebhookPayloads
