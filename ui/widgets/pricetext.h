#pragma once

#include <QCoreApplication>
#include <QString>

namespace Mostrador {

// What WhatsApp's messages cost, written for the shop: amounts and Meta's pricing categories.
class PriceText
{
    Q_DECLARE_TR_FUNCTIONS(PriceText)

public:
    // "US$ 1,23" / "US$1.23" as the locale writes money, with up to 4 decimals for tiny sums
    // (what one WhatsApp message costs).
    [[nodiscard]] static QString amount(double amount, const QString &currency);
    // Meta's pricing category (marketing, utility, authentication, service…) in words.
    [[nodiscard]] static QString category(const QString &metaName);
};

} // namespace Mostrador
