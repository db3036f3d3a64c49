#include "apitypes.h"

#include <QHash>

#include <QRegularExpression>
#include <QSet>

namespace Mostrador {

namespace {

QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

} // namespace

MediaInfo MediaInfo::fromJson(const QJsonObject &json)
{
    MediaInfo info;
    info.id = text(json, "id");
    info.url = text(json, "url");
    info.mimeType = text(json, "mime_type");
    info.sha256 = text(json, "sha256");
    const QJsonValue size = json.value(QLatin1String("file_size"));
    info.fileSize = size.isString() ? size.toString().toLongLong() : qint64(size.toDouble());
    return info;
}

BusinessProfile BusinessProfile::fromJson(const QJsonObject &json)
{
    QJsonObject data = json.value(QLatin1String("data")).toArray().first().toObject();
    if (data.contains(QLatin1String("business_profile")))
        data = data.value(QLatin1String("business_profile")).toObject();
    BusinessProfile profile;
    profile.about = text(data, "about");
    profile.address = text(data, "address");
    profile.description = text(data, "description");
    profile.email = text(data, "email");
    profile.vertical = text(data, "vertical");
    profile.profilePictureUrl = text(data, "profile_picture_url");
    for (const QJsonValue &site : data.value(QLatin1String("websites")).toArray())
        profile.websites << site.toString();
    return profile;
}

QJsonObject BusinessProfile::toUpdateJson() const
{
    QJsonObject body{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")}};
    const auto put = [&body](const char *key, const QString &value) {
        if (!value.isNull())
            body.insert(QLatin1String(key), value);
    };
    put("about", about);
    put("address", address);
    put("description", description);
    put("email", email);
    put("vertical", vertical);
    if (!profilePictureHandle.isEmpty())
        put("profile_picture_handle", profilePictureHandle);
    if (!websites.isEmpty())
        body.insert(QStringLiteral("websites"), QJsonArray::fromStringList(websites));
    return body;
}

PhoneNumberInfo PhoneNumberInfo::fromJson(const QJsonObject &json)
{
    PhoneNumberInfo info;
    info.id = text(json, "id");
    info.displayPhoneNumber = text(json, "display_phone_number");
    info.verifiedName = text(json, "verified_name");
    info.qualityRating = text(json, "quality_rating");
    info.nameStatus = text(json, "name_status");
    info.codeVerificationStatus = text(json, "code_verification_status");
    info.throughputLevel = json.value(QLatin1String("throughput")).toObject().value(QLatin1String("level")).toString();
    // Since 7 October 2025 the limit belongs to the business portfolio and Meta answers it as
    // whatsapp_business_manager_messaging_limit (a tier name, or an object holding one); the
    // number's own messaging_limit_tier is deprecated, and read only when the new one is absent.
    const QJsonValue portfolio = json.value(QLatin1String("whatsapp_business_manager_messaging_limit"));
    if (portfolio.isString()) {
        info.messagingLimitTier = portfolio.toString();
    } else if (portfolio.isObject()) {
        for (const char *key : {"current_limit", "messaging_limit", "limit", "tier"}) {
            if (const QString tier = portfolio.toObject().value(QLatin1String(key)).toString(); !tier.isEmpty()) {
                info.messagingLimitTier = tier;
                break;
            }
        }
    }
    if (info.messagingLimitTier.isEmpty())
        info.messagingLimitTier = text(json, "messaging_limit_tier");
    return info;
}

int PhoneNumberInfo::messagesPerSecond() const
{
    return throughputLevel == QLatin1String("HIGH") ? 1000 : 80;
}

std::optional<int> PhoneNumberInfo::customersPerDay() const
{
    static const QHash<QString, int> tiers{{QStringLiteral("TIER_50"), 50},     {QStringLiteral("TIER_250"), 250},
                                           {QStringLiteral("TIER_1K"), 1000},   {QStringLiteral("TIER_2K"), 2000},
                                           {QStringLiteral("TIER_10K"), 10000}, {QStringLiteral("TIER_100K"), 100000}};
    const auto found = tiers.constFind(messagingLimitTier);
    if (found == tiers.cend())
        return std::nullopt;
    return *found;
}

namespace {

QJsonObject componentOf(const QJsonArray &components, const char *type)
{
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        if (component.value(QLatin1String("type")).toString().compare(QLatin1String(type), Qt::CaseInsensitive) == 0)
            return component;
    }
    return {};
}

} // namespace

QString MessageTemplate::headerText() const
{
    return componentOf(components, "HEADER").value(QLatin1String("text")).toString();
}

QString MessageTemplate::headerFormat() const
{
    return componentOf(components, "HEADER").value(QLatin1String("format")).toString().toUpper();
}

QString MessageTemplate::footerText() const
{
    return componentOf(components, "FOOTER").value(QLatin1String("text")).toString();
}

QStringList MessageTemplate::buttonTexts() const
{
    QStringList texts;
    for (const QJsonValue &button : componentOf(components, "BUTTONS").value(QLatin1String("buttons")).toArray())
        texts << button.toObject().value(QLatin1String("text")).toString();
    return texts;
}

MessageTemplate MessageTemplate::fromJson(const QJsonObject &json)
{
    MessageTemplate result;
    result.id = text(json, "id");
    result.name = text(json, "name");
    result.language = text(json, "language");
    result.status = text(json, "status");
    result.category = text(json, "category");
    result.components = json.value(QLatin1String("components")).toArray();
    result.quality = json.value(QLatin1String("quality_score")).toObject().value(QLatin1String("score")).toString();
    result.rejectedReason = text(json, "rejected_reason");
    for (const QJsonValue &value : std::as_const(result.components)) {
        const QJsonObject component = value.toObject();
        if (text(component, "type").compare(QLatin1String("BODY"), Qt::CaseInsensitive) == 0)
            result.bodyText = text(component, "text");
    }
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    QSet<QString> names;
    for (auto it = placeholder.globalMatch(result.bodyText); it.hasNext();)
        names.insert(it.next().captured(1));
    result.bodyParameterCount = int(names.size());
    return result;
}

TemplatesPage TemplatesPage::fromJson(const QJsonObject &json)
{
    TemplatesPage page;
    for (const QJsonValue &value : json.value(QLatin1String("data")).toArray())
        page.templates << MessageTemplate::fromJson(value.toObject());
    const QJsonObject paging = json.value(QLatin1String("paging")).toObject();
    if (paging.contains(QLatin1String("next")))
        page.nextCursor = paging.value(QLatin1String("cursors")).toObject().value(QLatin1String("after")).toString();
    return page;
}

} // namespace Mostrador
