#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QString>

#include <optional>

namespace Mostrador {

class Database;

// What Meta charges per delivered message, by the customer's country, the message's category and
// the day it was delivered: one period per card of Meta's rules, each from a CSV with its date,
// which the shop can add to when Meta changes its prices:
//
//     # effective: 2026-10-01
//     # source: https://developers.facebook.com/docs/whatsapp/pricing
//     # currency: USD
//     country,marketing,utility,authentication,service
//     CO,0.0125,0.0002,0.0002,0.0002
//     *,0.0604,0.0077,0.0077,0.0077        (every other country)
//
// Rates may use a decimal comma in the CSV a spreadsheet wrote, with ';' between fields. A card
// with no date stands for every day.
// What the sends the composer offers would cost now: one free-form reply, and a template of each
// category. Nothing where Meta would not bill (see MetaPricing) or the card has no price.
struct SendPrices {
    QString currency;
    std::optional<double> reply;
    QHash<QString, double> templates; // by category (marketing, utility, authentication)
};

class RateCard
{
    Q_DECLARE_TR_FUNCTIONS(RateCard)

public:
    struct Period {
        QDate effective; // invalid: every day
        QString source;
        QString currency = QStringLiteral("USD");
        QHash<QString, QHash<QString, double>> rates; // country (or "*") → category → price
    };

    // Nothing, with the line and the reason in `error`, when the text is not such a card.
    [[nodiscard]] static std::optional<RateCard> parse(const QByteArray &csv, QString *error);
    // The cards Mostrador ships, one per period of Meta's rules (Meta's published rates on their dates).
    [[nodiscard]] static RateCard shipped();
    // The shipped cards with the shop's own card at `path` laid over them (from its date on, in
    // place of a shipped card of the same date) when it exists and reads; `problem` says why a
    // card that exists was not used.
    [[nodiscard]] static RateCard shopOrShipped(const QString &path, QString *problem);

    // The shipped cards with the one the shop saved in its store (shared by every desktop and the
    // server) laid over them; `problem` says why a saved card was not used.
    [[nodiscard]] static RateCard forShop(Database &database, QString *problem);
    // Keeps `csv` as the shop's card, after checking it reads; the reason in `problem` if not.
    [[nodiscard]] static bool saveForShop(Database &database, const QByteArray &csv, QString *problem);
    // The same with the card in the file at `path`.
    [[nodiscard]] static bool saveFileForShop(Database &database, const QString &path, QString *problem);

    // The price of one `category` message (marketing, utility, authentication, service) to a
    // customer in `country` (ISO 3166) delivered on `day` (invalid: the newest card's price);
    // nothing when the card has no such price. A billed `service` message in a card with no
    // service column costs the utility rate, as Meta bills it.
    [[nodiscard]] std::optional<double> rate(const QString &country, const QString &category, QDate day = {}) const;
    // The same in one card, for a caller that already found the card of the day.
    [[nodiscard]] static std::optional<double> rateIn(const Period &period, const QString &country, const QString &category);

    // What sends to a customer in `country` would cost on `day`, inside their 24-hour window or
    // not, inside a free entry point or not.
    [[nodiscard]] SendPrices pricesOfSends(const QString &country, bool withinWindow, bool freeEntryPoint, QDate day) const;

    // The card in force on `day`: the newest one for an invalid day, the oldest one for a day
    // before every card.
    [[nodiscard]] const Period &periodOn(QDate day) const;
    [[nodiscard]] const QList<Period> &periods() const { return m_periods; }

    // The newest card's.
    [[nodiscard]] QDate effective() const { return periodOn({}).effective; }
    [[nodiscard]] QString source() const { return periodOn({}).source; }
    [[nodiscard]] QString currency() const { return periodOn({}).currency; }

private:
    // `period` from its date on, in place of a card of the same date; an undated one replaces all.
    void layOver(Period period);

    QList<Period> m_periods; // oldest first
};

} // namespace Mostrador
