#include "sandboxcatalog.h"

#include <QJsonArray>

namespace Mostrador::SandboxCatalog {

namespace {

MessageTemplate makeTemplate(const QString &id, const QString &name, const QString &language, const QString &status,
                             const QString &category, const QString &body, const QStringList &quickReplies = {})
{
    QJsonArray components{QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")}, {QStringLiteral("text"), body}}};
    if (!quickReplies.isEmpty()) {
        QJsonArray buttons;
        for (const QString &reply : quickReplies)
            buttons.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("QUICK_REPLY")}, {QStringLiteral("text"), reply}});
        components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("BUTTONS")}, {QStringLiteral("buttons"), buttons}});
    }
    return MessageTemplate::fromJson(QJsonObject{{QStringLiteral("id"), id},
                                                 {QStringLiteral("name"), name},
                                                 {QStringLiteral("language"), language},
                                                 {QStringLiteral("status"), status},
                                                 {QStringLiteral("category"), category},
                                                 {QStringLiteral("components"), components}});
}

QJsonObject templateJson(const MessageTemplate &templ)
{
    QJsonObject json{{QStringLiteral("id"), templ.id},           {QStringLiteral("name"), templ.name},
                     {QStringLiteral("language"), templ.language}, {QStringLiteral("status"), templ.status},
                     {QStringLiteral("category"), templ.category}, {QStringLiteral("components"), templ.components}};
    if (!templ.quality.isEmpty())
        json.insert(QStringLiteral("quality_score"), QJsonObject{{QStringLiteral("score"), templ.quality}});
    if (!templ.rejectedReason.isEmpty())
        json.insert(QStringLiteral("rejected_reason"), templ.rejectedReason);
    return json;
}

} // namespace

QList<MessageTemplate> templates()
{
    QList<MessageTemplate> all{
        makeTemplate(QStringLiteral("9001"), QStringLiteral("hello_world"), QStringLiteral("en_US"), QStringLiteral("APPROVED"),
                     QStringLiteral("UTILITY"), QStringLiteral("Hello World")),
        makeTemplate(QStringLiteral("9002"), QStringLiteral("pedido_listo"), QStringLiteral("es"), QStringLiteral("APPROVED"),
                     QStringLiteral("UTILITY"),
                     QStringLiteral("Hola {{1}}, tu pedido {{2}} ya está listo. Puedes recogerlo en la tienda o te lo enviamos.")),
        makeTemplate(QStringLiteral("9003"), QStringLiteral("recordatorio_pago"), QStringLiteral("es"), QStringLiteral("APPROVED"),
                     QStringLiteral("UTILITY"),
                     QStringLiteral("Hola {{1}}, te recordamos que el pago del pedido {{2}} sigue pendiente. ¿Te ayudamos?")),
        makeTemplate(QStringLiteral("9004"), QStringLiteral("seguimiento_compra"), QStringLiteral("es"), QStringLiteral("APPROVED"),
                     QStringLiteral("MARKETING"),
                     QStringLiteral("Hola {{1}}, ¿qué tal tu compra? Si necesitas algo, responde a este mensaje."),
                     {QStringLiteral("Todo bien"), QStringLiteral("Tengo una duda")}),
        makeTemplate(QStringLiteral("9005"), QStringLiteral("order_ready"), QStringLiteral("en"), QStringLiteral("APPROVED"),
                     QStringLiteral("UTILITY"), QStringLiteral("Hi {{1}}, your order {{2}} is ready for pick-up.")),
        makeTemplate(QStringLiteral("9006"), QStringLiteral("oferta_navidad"), QStringLiteral("es"), QStringLiteral("PENDING"),
                     QStringLiteral("MARKETING"), QStringLiteral("¡Hola {{1}}! Esta Navidad, 20 % en textiles.")),
        makeTemplate(QStringLiteral("9007"), QStringLiteral("novedades_hogar"), QStringLiteral("es"), QStringLiteral("APPROVED"),
                     QStringLiteral("MARKETING"),
                     QStringLiteral("Hola {{1}}, llegaron a Casa Nube las mantas de lana y los cojines de lino. ¿Te guardamos alguno?"),
                     {QStringLiteral("Me interesa"), QStringLiteral("Detener promociones")}),
        makeTemplate(QStringLiteral("9009"), QStringLiteral("pedido_enviado"), QStringLiteral("es"), QStringLiteral("APPROVED"),
                     QStringLiteral("UTILITY"), QStringLiteral("Hola {{1}}, tu pedido {{2}} va en camino. Número de guía: {{3}}.")),
        makeTemplate(QStringLiteral("9010"), QStringLiteral("pedido_enviado"), QStringLiteral("en"), QStringLiteral("APPROVED"),
                     QStringLiteral("UTILITY"), QStringLiteral("Hi {{1}}, your order {{2}} is on its way. Tracking number: {{3}}.")),
        makeTemplate(QStringLiteral("9008"), QStringLiteral("sorteo_clientes"), QStringLiteral("es"), QStringLiteral("REJECTED"),
                     QStringLiteral("UTILITY"), QStringLiteral("Hola {{1}}, participa en el sorteo de una lámpara respondiendo SÍ.")),
    };
    for (MessageTemplate &templ : all) {
        templ.quality = templ.isApproved() ? QStringLiteral("GREEN") : QStringLiteral("UNKNOWN");
        templ.rejectedReason = templ.status == QLatin1String("REJECTED") ? QStringLiteral("INCORRECT_CATEGORY") : QStringLiteral("NONE");
    }
    return all;
}

BusinessProfile businessProfile()
{
    BusinessProfile profile;
    profile.about = QStringLiteral("Casa Nube · hogar y decoración");
    profile.address = QStringLiteral("Cra. 11 #93-20, Chicó, Bogotá");
    profile.description = QStringLiteral("Lámparas, textiles y menaje para la casa. Envíos a toda Colombia; en Bogotá en 1 o 2 días.");
    profile.email = QStringLiteral("hola@casanube.example");
    profile.websites = {QStringLiteral("https://casanube.example")};
    profile.vertical = QStringLiteral("RETAIL");
    return profile;
}

QJsonObject profileJson(const BusinessProfile &profile)
{
    QJsonObject data = profile.toUpdateJson();
    data.insert(QStringLiteral("profile_picture_url"), profile.profilePictureUrl);
    return {{QStringLiteral("data"), QJsonArray{data}}};
}

QJsonObject phoneNumber(const WebhookPayloads::Business &business)
{
    return {{QStringLiteral("id"), business.phoneNumberId},
            {QStringLiteral("display_phone_number"), QString(QLatin1Char('+') + business.displayNumber)},
            {QStringLiteral("verified_name"), QStringLiteral("Casa Nube")},
            {QStringLiteral("quality_rating"), QStringLiteral("GREEN")},
            {QStringLiteral("name_status"), QStringLiteral("APPROVED")},
            {QStringLiteral("code_verification_status"), QStringLiteral("VERIFIED")},
            {QStringLiteral("throughput"), QJsonObject{{QStringLiteral("level"), QStringLiteral("STANDARD")}}},
            {QStringLiteral("whatsapp_business_manager_messaging_limit"), QStringLiteral("TIER_10K")}};
}

QJsonObject templatesPage(const QList<MessageTemplate> &all, int start, int limit)
{
    QJsonArray data;
    const int end = std::min(int(all.size()), start + limit);
    for (int i = std::max(0, start); i < end; ++i)
        data.append(templateJson(all.at(i)));
    QJsonObject cursors{{QStringLiteral("before"), QString::number(start)}, {QStringLiteral("after"), QString::number(end)}};
    QJsonObject paging{{QStringLiteral("cursors"), cursors}};
    if (end < all.size())
        paging.insert(QStringLiteral("next"), QStringLiteral("sandbox://templates?after=%1").arg(end));
    return {{QStringLiteral("data"), data}, {QStringLiteral("paging"), paging}};
}

} // namespace Mostrador::SandboxCatalog
