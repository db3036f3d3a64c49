#include "apitypes.h"

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
    return info;
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
