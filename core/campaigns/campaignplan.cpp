#include "campaignplan.h"

#include "campaigns/consentstore.h"

#include "identity/phonenumbers.h"
#include "reports/ratecard.h"
#include "commerce/orderstore.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace Mostrador {

namespace {

struct Customer {
    CampaignCandidate candidate;
    const AudienceList::Row *row = nullptr;
};

// What they bought last: "Lámpara Nube, Cojín mostaza" (for a template that asks how it went).
QString lastOrderWords(const Order &order)
{
    QStringList names;
    for (const OrderLine &line : order.lines)
        names << (line.name.isEmpty() ? line.retailerId : line.name);
    return names.join(QStringLiteral(", "));
}

// The value of one parameter for one customer; empty when they have none.
QString valueFor(const QString &parameter, const Customer &customer, const QHash<qint64, Order> &lastOrders)
{
    static const QRegularExpression field(QStringLiteral("^\\{\\s*([^{}]+?)\\s*\\}$"));
    const QRegularExpressionMatch match = field.match(parameter.trimmed());
    if (!match.hasMatch())
        return parameter;
    const QString name = match.captured(1).toLower();
    const QString known = customer.candidate.name.isEmpty() && customer.row ? customer.row->name : customer.candidate.name;
    if (name == QLatin1String("first_name") || name == QLatin1String("nombre"))
        return known.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
    if (name == QLatin1String("name") || name == QLatin1String("nombre_completo"))
        return known;
    if (name == QLatin1String("note") || name == QLatin1String("nota"))
        return customer.candidate.note.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (name == QLatin1String("last_order") || name == QLatin1String("ultimo_pedido")) {
        const auto order = lastOrders.constFind(customer.candidate.customerId);
        return order == lastOrders.constEnd() ? QString() : lastOrderWords(*order);
    }
    return customer.row ? customer.row->values.value(name) : QString();
}

} // namespace

QString CampaignAudience::describe() const
{
    switch (kind) {
    case Kind::Label: return CampaignPlan::tr("label “%1”").arg(label);
    case Kind::WroteBetween:
        return CampaignPlan::tr("wrote between %1 and %2").arg(QLocale().toString(from.date(), QLocale::ShortFormat),
                                                               QLocale().toString(to.date().addDays(-1), QLocale::ShortFormat));
    case Kind::List: return CampaignPlan::tr("list %1").arg(QFileInfo(listPath).fileName());
    case Kind::Search: return CampaignPlan::tr("search “%1”").arg(search);
    }
    return {};
}

int CampaignPlan::receiving() const
{
    return int(std::count_if(recipients.cbegin(), recipients.cend(), [](const CampaignRecipient &r) { return r.skipped.isEmpty(); }));
}

QHash<QString, int> CampaignPlan::skippedByReason() const
{
    QHash<QString, int> reasons;
    for (const CampaignRecipient &recipient : recipients) {
        if (!recipient.skipped.isEmpty())
            ++reasons[recipient.skipped];
    }
    return reasons;
}

QString CampaignPlan::reasonText(const QString &reason)
{
    if (reason == QLatin1String(kOptedOut))
        return tr("asked not to get promotions");
    if (reason == QLatin1String(kBlocked))
        return tr("blocked");
    if (reason == QLatin1String(kNoWhatsApp))
        return tr("no WhatsApp number");
    if (reason == QLatin1String(kMissingValue))
        return tr("no value for a variable (for example, no name)");
    if (reason == QLatin1String("already_sent"))
        return tr("already sent this campaign");
    return reason;
}

std::optional<CampaignPlan> CampaignPlan::make(Database &database, const CampaignAudience &audience, const QStringList &parameters,
                                               const QStringList &variables, const QString &category, const RateCard &rates,
                                               const QString &region, const QDateTime &now, QString *error,
                                               bool createListedCustomers)
{
    CampaignPlan plan;
    CampaignStore store(database);
    StoreError storeError;
    QList<Customer> customers;
    std::optional<AudienceList> list;
    switch (audience.kind) {
    case CampaignAudience::Kind::Label:
        for (const CampaignCandidate &candidate : store.withLabel(audience.label, &storeError))
            customers << Customer{candidate, nullptr};
        break;
    case CampaignAudience::Kind::WroteBetween:
        for (const CampaignCandidate &candidate : store.whoWrote(audience.from, audience.to, &storeError))
            customers << Customer{candidate, nullptr};
        break;
    case CampaignAudience::Kind::Search:
        for (const CampaignCandidate &candidate : store.matching(audience.search, &storeError))
            customers << Customer{candidate, nullptr};
        break;
    case CampaignAudience::Kind::List: {
        list = AudienceList::read(audience.listPath, region, error);
        if (!list)
            return std::nullopt;
        plan.unreadable = list->unreadable;
        QStringList waIds;
        for (const AudienceList::Row &row : std::as_const(list->rows))
            waIds << row.waId;
        const QList<CampaignCandidate> found = store.byNumbers(waIds, now, createListedCustomers, &storeError);
        for (int i = 0; i < found.size() && i < list->rows.size(); ++i) {
            customers << Customer{found.at(i), &list->rows.at(i)};
            // Consent the shop kept in its list is recorded (never over a "no more promotions").
            if (createListedCustomers && list->rows.at(i).optIn && !found.at(i).optedOut)
                storeError = ConsentStore(database).recordOptIn(found.at(i).customerId, audience.describe(), now);
        }
        break;
    }
    }
    if (storeError.isError()) {
        *error = storeError.userMessage;
        return std::nullopt;
    }

    // Each variable's parameter: the one given, else the list's column of its name.
    QStringList chosen = parameters;
    for (int index = chosen.size(); index < variables.size(); ++index) {
        const QString column = variables.at(index).toLower();
        if (!list || list->rows.isEmpty() || !list->rows.first().values.contains(column)) {
            *error = tr("{{%1}} has no value: give it with --param (text, {first_name}, {note}, {last_order} or a list's {column}), "
                        "or add a column named %1 to the list.").arg(variables.at(index));
            return std::nullopt;
        }
        chosen << QLatin1Char('{') + column + QLatin1Char('}');
    }

    // What each customer bought last, read once, when a value asks for it.
    QHash<qint64, Order> lastOrders;
    if (std::any_of(chosen.cbegin(), chosen.cend(), [](const QString &value) {
            return value.contains(QLatin1String("last_order")) || value.contains(QLatin1String("ultimo_pedido"));
        })) {
        lastOrders = OrderStore(database).lastOrders(&storeError);
        if (storeError.isError()) {
            *error = storeError.userMessage;
            return std::nullopt;
        }
    }

    QStringList receivingNumbers;
    for (const Customer &customer : std::as_const(customers)) {
        CampaignRecipient recipient{customer.candidate.customerId, {}, {}};
        for (int index = 0; index < variables.size(); ++index)
            recipient.parameters << valueFor(chosen.value(index), customer, lastOrders);
        if (customer.candidate.optedOut)
            recipient.skipped = QLatin1String(kOptedOut);
        else if (customer.candidate.blocked)
            recipient.skipped = QLatin1String(kBlocked);
        else if (customer.candidate.waId.isEmpty() && customer.candidate.userId.isEmpty())
            recipient.skipped = QLatin1String(kNoWhatsApp);
        else if (std::any_of(recipient.parameters.cbegin(), recipient.parameters.cend(), [](const QString &v) { return v.trimmed().isEmpty(); }))
            recipient.skipped = QLatin1String(kMissingValue);
        else
            receivingNumbers << customer.candidate.waId;
        plan.recipients << recipient;
    }
    plan.estimate = estimateFor(receivingNumbers, category, rates);
    return plan;
}

CampaignPlan::Estimate CampaignPlan::estimateFor(const QStringList &waIds, const QString &category, const RateCard &rates)
{
    Estimate estimate;
    estimate.currency = rates.currency();
    estimate.effective = rates.effective();
    estimate.source = rates.source();
    for (const QString &waId : waIds)
        ++estimate.messagesByCountry[waId.isEmpty() ? QString() : PhoneNumbers::regionOf(waId)];
    for (auto it = estimate.messagesByCountry.cbegin(); it != estimate.messagesByCountry.cend(); ++it) {
        const auto rate = rates.rate(it.key(), category.toLower());
        if (!rate) {
            estimate.unpriced << it.key();
            continue;
        }
        estimate.costByCountry.insert(it.key(), *rate * it.value());
        estimate.total += *rate * it.value();
    }
    return estimate;
}

CampaignPlan::Estimate CampaignPlan::charged(const QList<std::pair<QString, QString>> &charges, const RateCard &rates)
{
    Estimate cost;
    cost.currency = rates.currency();
    cost.effective = rates.effective();
    cost.source = rates.source();
    for (const auto &[waId, category] : charges) {
        const QString country = PhoneNumbers::regionOf(waId);
        ++cost.messagesByCountry[country];
        const auto rate = rates.rate(country, category.toLower());
        if (!rate) {
            if (!cost.unpriced.contains(country))
                cost.unpriced << country;
            continue;
        }
        cost.costByCountry[country] += *rate;
        cost.total += *rate;
    }
    return cost;
}

} // namespace Mostrador
