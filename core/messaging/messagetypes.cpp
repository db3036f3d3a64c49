#include "messagetypes.h"

#include <array>
#include <utility>

namespace Mostrador {

namespace {

constexpr std::array kKindNames = {
    std::pair{MessageKind::Text, "text"},         std::pair{MessageKind::Image, "image"},
    std::pair{MessageKind::Video, "video"},       std::pair{MessageKind::Audio, "audio"},
    std::pair{MessageKind::Document, "document"}, std::pair{MessageKind::Sticker, "sticker"},
    std::pair{MessageKind::Location, "location"}, std::pair{MessageKind::Contacts, "contacts"},
    std::pair{MessageKind::Interactive, "interactive"}, std::pair{MessageKind::Button, "button"},
    std::pair{MessageKind::Reaction, "reaction"}, std::pair{MessageKind::Order, "order"},
    std::pair{MessageKind::System, "system"},     std::pair{MessageKind::Edit, "edit"},
    std::pair{MessageKind::Revoke, "revoke"},     std::pair{MessageKind::Unsupported, "unsupported"},
};

constexpr std::array kStatusNames = {
    std::pair{DeliveryStatus::None, ""},           std::pair{DeliveryStatus::Pending, "pending"},
    std::pair{DeliveryStatus::Sent, "sent"},       std::pair{DeliveryStatus::Delivered, "delivered"},
    std::pair{DeliveryStatus::Read, "read"},       std::pair{DeliveryStatus::Played, "played"},
    std::pair{DeliveryStatus::Failed, "failed"},
};

} // namespace

QString messageKindName(MessageKind kind)
{
    for (const auto &[value, name] : kKindNames) {
        if (value == kind)
            return QLatin1String(name);
    }
    return QStringLiteral("unsupported");
}

MessageKind messageKindFromName(const QString &name)
{
    for (const auto &[value, text] : kKindNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return MessageKind::Unsupported;
}

QString messageOriginName(MessageOrigin origin)
{
    switch (origin) {
    case MessageOrigin::Customer: return QStringLiteral("customer");
    case MessageOrigin::Shop: return QStringLiteral("shop");
    case MessageOrigin::Automatic: return QStringLiteral("automatic");
    case MessageOrigin::Campaign: return QStringLiteral("campaign");
    case MessageOrigin::Imported: return QStringLiteral("imported");
    }
    return {};
}

QString deliveryStatusName(DeliveryStatus status)
{
    for (const auto &[value, name] : kStatusNames) {
        if (value == status)
            return QLatin1String(name);
    }
    return {};
}

DeliveryStatus deliveryStatusFromName(const QString &name)
{
    const QString lower = name.toLower();
    for (const auto &[value, text] : kStatusNames) {
        if (lower == QLatin1String(text))
            return value;
    }
    return DeliveryStatus::None;
}

bool countsAsCustomerWriting(MessageKind kind)
{
    switch (kind) {
    case MessageKind::System:
    case MessageKind::Reaction:
    case MessageKind::Edit:
    case MessageKind::Revoke:
        return false;
    default:
        return true;
    }
}

} // namespace Mostrador
