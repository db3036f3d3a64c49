#include "metapricing.h"

namespace Mostrador::MetaPricing {

QDate serviceBilledFrom()
{
    return QDate(2026, 10, 1);
}

QDate metaAgentBilledFrom()
{
    return QDate(2026, 8, 1);
}

MetaCharge charge(const QString &category, bool withinWindow, bool freeEntryPoint, QDate day)
{
    MetaCharge charge;
    charge.category = category.toLower();
    if (freeEntryPoint) {
        charge.type = QStringLiteral("free_entry_point");
        return charge;
    }
    const bool windowIsFree = day < serviceBilledFrom();
    const bool freeInWindow = charge.category == QLatin1String("service") || charge.category == QLatin1String("utility");
    if (windowIsFree && freeInWindow && (withinWindow || charge.category == QLatin1String("service"))) {
        charge.type = QStringLiteral("free_customer_service");
        return charge;
    }
    charge.type = QStringLiteral("regular");
    charge.billable = true;
    return charge;
}

} // namespace Mostrador::MetaPricing
