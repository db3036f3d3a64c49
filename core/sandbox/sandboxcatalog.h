#pragma once

#include "api/apitypes.h"
#include "webhookpayloads.h"

#include <QJsonObject>
#include <QList>

namespace Mostrador {

// What the sandbox's pretend business looks like: a home-goods shop with a few approved
// templates, a profile and a verified number, in the Cloud API's JSON shapes.
namespace SandboxCatalog {

[[nodiscard]] QList<MessageTemplate> templates();
[[nodiscard]] BusinessProfile businessProfile();

[[nodiscard]] QJsonObject profileJson(const BusinessProfile &profile);
[[nodiscard]] QJsonObject phoneNumber(const WebhookPayloads::Business &business);
// Cursor paging as the Graph API does it; the cursor here is the index of the next item.
[[nodiscard]] QJsonObject templatesPage(const QList<MessageTemplate> &templates, int start, int limit);

} // namespace SandboxCatalog

} // namespace Mostrador
