#include "pricetext.h"

#include <QLocale>

#include <cmath>

namespace Mostrador {

QString PriceText::amount(double amount, const QString &currency)
{
    const QLocale locale;
    const int decimals = amount != 0 && std::abs(amount) < 0.1 ? 4 : 2;
    const QString symbol = currency == QLatin1String("USD") ? QStringLiteral("US$") : currency;
    return locale.toCurrencyString(amount, symbol, decimals);
}

QString PriceText::category(const QString &metaName)
{
    if (metaName == QLatin1String("marketing"))
        return tr("Marketing");
    if (metaName == QLatin1String("utility"))
        return tr("Utility");
    if (metaName == QLatin1String("authentication"))
        return tr("Authentication");
    if (metaName == QLatin1String("authentication_international"))
        return tr("Authentication (international)");
    if (metaName == QLatin1String("service"))
        return tr("Service (replies)");
    return metaName;
}

} // namespace Mostrador
