#include "wireerror.h"

#include <QJsonValue>

namespace Mostrador {

WireError WireError::fromJson(const QJsonObject &error, int httpStatus)
{
    WireError result;
    result.httpStatus = httpStatus;
    result.code = error.value(QLatin1String("code")).toInt();
    result.subcode = error.value(QLatin1String("error_subcode")).toInt();
    result.message = error.value(QLatin1String("message")).toString();
    // Template and account calls say it for people in error_user_title and error_user_msg.
    result.title = error.value(QLatin1String("title")).toString(error.value(QLatin1String("error_user_title")).toString(result.message));
    result.details = error.value(QLatin1String("error_data")).toObject().value(QLatin1String("details")).toString(
        error.value(QLatin1String("error_user_msg")).toString());
    result.fbtraceId = error.value(QLatin1String("fbtrace_id")).toString();
    result.category = categorize(result.code, httpStatus);
    return result;
}

WireError WireError::network(const QString &reason)
{
    WireError result;
    result.category = Category::Network;
    result.message = reason;
    result.title = reason;
    return result;
}

WireError WireError::outsideWindow(const QString &reason)
{
    WireError result;
    result.category = Category::OutsideWindow;
    result.code = 131047;
    result.message = reason;
    result.title = reason;
    return result;
}

WireError::Category WireError::categorize(int code, int httpStatus)
{
    switch (code) {
    case 0:
    case 190:
        return Category::Auth;
    case 4:
    case 80007:
    case 130429:
    case 131056:
    case 131048:
        return Category::RateLimited;
    case 131047:
        return Category::OutsideWindow;
    case 131026:
        return Category::Undeliverable;
    case 131051:
    case 131052:
    case 131053:
        return Category::Media;
    case 368:
    case 131031:
        return Category::PolicyBlock;
    case 1:
    case 2:
    case 131000:
        return Category::Server;
    default:
        break;
    }
    if (code >= 132000 && code <= 132069)
        return Category::Template;
    if (httpStatus == 401)
        return Category::Auth;
    if (httpStatus == 429)
        return Category::RateLimited;
    if (httpStatus >= 500)
        return Category::Server;
    if (httpStatus >= 400)
        return Category::InvalidRequest;
    return Category::Server;
}

bool WireError::isRetryable() const
{
    switch (category) {
    case Category::RateLimited:
    case Category::Network:
    case Category::Server:
        return true;
    default:
        return false;
    }
}

QString WireError::userMessage() const
{
    switch (category) {
    case Category::Auth:
        return tr("WhatsApp did not accept Mostrador's access token. It may have expired: "
                  "enter a new one in Settings.");
    case Category::RateLimited:
        return code == 131048
            ? tr("WhatsApp is limiting this number because many messages were marked as spam. "
                 "Mostrador will try again later; send fewer messages for a while.")
            : tr("Too many messages in a short time. Mostrador will send it again in a moment.");
    case Category::OutsideWindow:
        return tr("More than 24 hours have passed since the customer last wrote. "
                  "Send a template instead; free text is only allowed within 24 hours.");
    case Category::Undeliverable:
        return tr("WhatsApp could not deliver this message. The number may not use WhatsApp, "
                  "or the customer may have blocked the shop.");
    case Category::Template:
        return tr("WhatsApp rejected the template: it does not exist, is not approved yet, "
                  "or its fields are not filled in correctly.");
    case Category::Media:
        return tr("The file could not be sent or received. Check its type and size, or ask "
                  "the customer to send it again.");
    case Category::PolicyBlock:
        return tr("WhatsApp has temporarily restricted this number for policy reasons. "
                  "Check the account's status in Meta's WhatsApp Manager.");
    case Category::InvalidRequest:
        return tr("WhatsApp rejected the request as invalid. Please check the message and try again.");
    case Category::Network:
        return tr("Could not reach WhatsApp. Check the internet connection; Mostrador will try again.");
    case Category::Server:
        return tr("WhatsApp had a problem on its side. Mostrador will try again.");
    }
    return {};
}

QString WireError::deliveryReason(int code)
{
    switch (code) {
    case 131049:
        return tr("not delivered to keep engagement healthy: WhatsApp limits how many marketing messages a person gets");
    case 131050:
        return tr("the customer chose to stop marketing messages from the shop");
    case 131026:
        return tr("not delivered: the number may not have WhatsApp, or the customer's app is too old");
    case 130472:
        return tr("held back by WhatsApp: the customer's number is part of a Meta experiment on marketing messages");
    case 131047:
        return tr("more than 24 hours since the customer wrote, and it was not a template");
    case 131021:
        return tr("the shop's own number");
    case 131031:
        return tr("the shop's WhatsApp account is locked");
    case 131042:
        return tr("a problem with the account's payment method");
    case 131048:
    case 131056:
    case 130429:
        return tr("too many messages in a short time");
    case 132001:
        return tr("the template does not exist in that language, or is not approved");
    case 132015:
        return tr("the template is paused for low quality");
    case 132016:
        return tr("the template was disabled for low quality");
    case 132000:
    case 132012:
        return tr("the template's values did not match its variables");
    default:
        return {};
    }
}

QString WireError::logText() const
{
    QString text = QStringLiteral("[%1] http=%2 code=%3").arg(categoryName(category)).arg(httpStatus).arg(code);
    if (subcode)
        text += QStringLiteral(" subcode=%1").arg(subcode);
    if (!message.isEmpty())
        text += QStringLiteral(" message=\"%1\"").arg(message);
    if (!details.isEmpty())
        text += QStringLiteral(" details=\"%1\"").arg(details);
    if (!fbtraceId.isEmpty())
        text += QStringLiteral(" fbtrace_id=%1").arg(fbtraceId);
    return text;
}

QJsonObject WireError::toJson() const
{
    QJsonObject object{{QStringLiteral("code"), code},
                       {QStringLiteral("category"), categoryName(category)},
                       {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        object.insert(QStringLiteral("details"), details);
    if (httpStatus)
        object.insert(QStringLiteral("http_status"), httpStatus);
    return object;
}

QString categoryName(WireError::Category category)
{
    switch (category) {
    case WireError::Category::Auth: return QStringLiteral("auth");
    case WireError::Category::RateLimited: return QStringLiteral("rate-limited");
    case WireError::Category::OutsideWindow: return QStringLiteral("outside-window");
    case WireError::Category::Undeliverable: return QStringLiteral("undeliverable");
    case WireError::Category::Template: return QStringLiteral("template");
    case WireError::Category::Media: return QStringLiteral("media");
    case WireError::Category::PolicyBlock: return QStringLiteral("policy-block");
    case WireError::Category::InvalidRequest: return QStringLiteral("invalid-request");
    case WireError::Category::Network: return QStringLiteral("network");
    case WireError::Category::Server: return QStringLiteral("server");
    }
    return {};
}

} // namespace Mostrador
