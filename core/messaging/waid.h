#pragma once

#include <QString>
#include <QStringList>

namespace Mostrador::WaId {

// WhatsApp names some numbers differently from how people and phone books write them: Mexico's
// wa_id is 521 + ten digits where people write +52 and ten digits; Argentina's mobiles are 549 +
// ten digits where people write +54; Brazil's older mobiles may arrive with or without the
// ninth digit. These rules (digits only, no +) let one customer be found under any of them.

// Every form under which WhatsApp may know this number, `waId` first.
[[nodiscard]] QStringList equivalents(const QString &waId);

// The form WhatsApp itself reports in webhooks (521…, 549…, Brazil with the ninth digit);
// other numbers unchanged.
[[nodiscard]] QString whatsAppForm(const QString &waId);

// Whether two ids name the same number.
[[nodiscard]] bool same(const QString &a, const QString &b);

// Whether `id` is a business-scoped user id (CC.… or CC.ENT.…) rather than a phone-based wa_id.
[[nodiscard]] bool isBusinessScopedUserId(const QString &id);

} // namespace Mostrador::WaId
