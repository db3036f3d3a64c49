#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QString>

#include <optional>

namespace Mostrador {

class Database;

// What Meta charges per delivered template message, by the customer's country and the
// template's category, from a CSV the shop can replace when Meta changes its prices:
//
//     # effective: 2025-07-01
//     # source: https://developers.facebook.com/docs/whatsapp/pricing
//     # currency: USD
//     country,marketing,utility,authentication
//     CO,0.0125,0.0002,0.0002
//     *,0.0604,0.0077,0.0077        (every other country)
//
// Rates may use a decimal comma in the CSV a spreadsheet wrote, with ';' between fields.
class RateCard
{
    Q_DECLARE_TR_FUNCTIONS(RateCard)

public:
    // Nothing, with the line and the reason in `error`, when the text is not such a card.
    [[nodiscard]] static std::optional<RateCard> parse(const QByteArray &csv, QString *error);
    // The card Mostrador ships (Meta's published rates on its date).
    [[nodiscard]] static RateCard shipped();
    // The shop's own card at `path` when it exists and reads, else the shipped one; `problem`
    // says why a card that exists was not used.
    [[nodiscard]] static RateCard shopOrShipped(const QString &path, QString *problem);

    // The card the shop saved in its store (shared by every desktop and the server), else the
    // shipped one; `problem` says why a saved card was not used.
    [[nodiscard]] static RateCard forShop(Database &database, QString *problem);
    // Keeps `csv` as the shop's card, after checking it reads; the reason in `problem` if not.
    [[nodiscard]] static bool saveForShop(Database &database, const QByteArray &csv, QString *problem);

    // The price of one `category` message (marketing, utility, authentication) to a customer in
    // `country` (ISO 3166); nothing when the card has no such price.
    [[nodiscard]] std::optional<double> rate(const QString &country, const QString &category) const;

    [[nodiscard]] QDate effective() const { return m_effective; }
    [[nodiscard]] QString source() const { return m_source; }
    [[nodiscard]] QString currency() const { return m_currency; }

private:
    QDate m_effective;
    QString m_source;
    QString m_currency = QStringLiteral("USD");
    QHash<QString, QHash<QString, double>> m_rates; // country (or "*") → category → price
};

} // namespace Mostrador
