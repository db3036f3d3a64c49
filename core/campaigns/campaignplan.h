#pragma once

#include "audiencelist.h"
#include "campaigns/campaignstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Mostrador {

class Database;
class RateCard;

// Who a campaign is for, as the shop chose them.
struct CampaignAudience {
    enum class Kind { Label, WroteBetween, List, Search };
    Kind kind = Kind::Label;
    QString label;
    QDateTime from;
    QDateTime to;
    QString listPath; // a CSV with a phone column
    QString search;

    [[nodiscard]] QString describe() const; // "label VIP", "list clientes.csv"…
};

// What a campaign would do, before anything is sent: who receives it with which values, who is
// left out and why, and what it should cost by country from the shop's rate card.
class CampaignPlan
{
    Q_DECLARE_TR_FUNCTIONS(CampaignPlan)

public:
    struct Estimate {
        QString currency;
        QDate effective;
        QString source;
        QHash<QString, int> messagesByCountry; // ISO 3166, "" for customers known only by their WhatsApp id
        QHash<QString, double> costByCountry;
        double total = 0;
        QStringList unpriced; // countries the card has no price for
    };

    // Skip reasons, as stored.
    static constexpr char kOptedOut[] = "opted_out";
    static constexpr char kBlocked[] = "blocked";
    static constexpr char kNoWhatsApp[] = "no_whatsapp";
    static constexpr char kMissingValue[] = "missing_value";

    QList<CampaignRecipient> recipients;
    QList<AudienceList::Problem> unreadable; // a list's rows whose number could not be read
    Estimate estimate;

    [[nodiscard]] int receiving() const;
    [[nodiscard]] QHash<QString, int> skippedByReason() const;

    // `parameters` fill the template's variables in order: fixed text, or {first_name}, {name},
    // {note}, or a list's column as {column}. A variable with no parameter takes the list's column
    // of its name ("1", "first_name"). Nothing, with the reason in `error`, when the audience
    // cannot be read or a variable has no value at all. A list's numbers the store does not know
    // become customers, unless `createListedCustomers` is false (a dry run writes nothing).
    [[nodiscard]] static std::optional<CampaignPlan> make(Database &database, const CampaignAudience &audience,
                                                          const QStringList &parameters, const QStringList &variables,
                                                          const QString &category, const RateCard &rates,
                                                          const QString &region, const QDateTime &now, QString *error,
                                                          bool createListedCustomers = true);

    // The estimate for these customers' numbers.
    [[nodiscard]] static Estimate estimateFor(const QStringList &waIds, const QString &category, const RateCard &rates);

    // What the messages Meta charged for cost: each (wa_id, Meta's category from the status's
    // `pricing`) priced by the card.
    [[nodiscard]] static Estimate charged(const QList<std::pair<QString, QString>> &charges, const RateCard &rates);

    // "opted_out" → "asked not to get promotions".
    [[nodiscard]] static QString reasonText(const QString &reason);
};

} // namespace Mostrador
