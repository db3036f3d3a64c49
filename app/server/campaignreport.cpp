#include "campaignreport.h"

#include "api/templatetext.h"
#include "commandsupport.h"
#include "messaging/wireerror.h"
#include "reports/ratecard.h"

#include <QCoreApplication>

namespace Mostrador::CampaignReport {

namespace {


// Cents for totals; a rate of a fraction of a cent keeps its digits.
QString money(double amount)
{
    return QString::number(amount, 'f', amount != 0 && amount < 0.1 ? 4 : 2);
}

void printMoney(const QString &title, const CampaignPlan::Estimate &estimate)
{
    CommandSupport::printOut(title.arg(money(estimate.total), estimate.currency,
                                             estimate.effective.toString(Qt::ISODate), estimate.source));
    QStringList countries = estimate.messagesByCountry.keys();
    countries.sort();
    for (const QString &country : std::as_const(countries)) {
        const QString where = country.isEmpty() ? CommandText::tr("unknown country") : country;
        if (estimate.costByCountry.contains(country))
            CommandSupport::printOut(QStringLiteral("  %1: %2 × %3 = %4").arg(where).arg(estimate.messagesByCountry.value(country))
                                         .arg(money(estimate.costByCountry.value(country) / estimate.messagesByCountry.value(country)),
                                              money(estimate.costByCountry.value(country))));
        else
            CommandSupport::printOut(CommandText::tr("  %1: %2, no price on the rate card").arg(where).arg(estimate.messagesByCountry.value(country)));
    }
}

} // namespace

void printPlan(const Campaign &campaign, const CampaignPlan &plan)
{
    using CommandSupport::printOut;
    printOut(CommandText::tr("Campaign: %1").arg(campaign.name));
    printOut(CommandText::tr("Template: %1 (%2, %3)").arg(campaign.templateName, campaign.templateLanguage, TemplateWords::category(campaign.templateCategory)));
    printOut(CommandText::tr("Audience: %1").arg(plan.recipients.size()));
    printOut(CommandText::tr("Receiving: %1").arg(plan.receiving()));
    const QHash<QString, int> skipped = plan.skippedByReason();
    int skippedCount = 0;
    for (const int count : skipped)
        skippedCount += count;
    printOut(CommandText::tr("Skipped: %1").arg(skippedCount));
    for (auto it = skipped.cbegin(); it != skipped.cend(); ++it)
        printOut(QStringLiteral("  %1: %2").arg(CampaignPlan::reasonText(it.key())).arg(it.value()));
    if (!plan.unreadable.isEmpty()) {
        printOut(CommandText::tr("Rows not read: %1").arg(plan.unreadable.size()));
        for (const AudienceList::Problem &problem : plan.unreadable)
            printOut(CommandText::tr("  line %1: %2").arg(problem.line).arg(problem.text));
    }
    printMoney(CommandText::tr("Estimate: %1 %2 (Meta's rates of %3, %4)"), plan.estimate);
}

void printTally(const Campaign &campaign, const CampaignTally &tally, const RateCard &rates, int leftUnconfirmed)
{
    using CommandSupport::printOut;
    printOut(CommandText::tr("Campaign: %1 (%2)").arg(campaign.name, campaignStateName(campaign.state)));
    printOut(CommandText::tr("Audience: %1").arg(tally.audience + tally.skipped));
    printOut(CommandText::tr("Skipped: %1").arg(tally.skipped));
    for (auto it = tally.skippedByReason.cbegin(); it != tally.skippedByReason.cend(); ++it)
        printOut(QStringLiteral("  %1: %2").arg(CampaignPlan::reasonText(it.key())).arg(it.value()));
    printOut(CommandText::tr("Waiting: %1").arg(tally.waiting + tally.sending));
    printOut(CommandText::tr("Sent: %1").arg(tally.sent));
    printOut(CommandText::tr("Delivered: %1").arg(tally.delivered));
    printOut(CommandText::tr("Read: %1").arg(tally.read));
    printOut(CommandText::tr("Replied: %1").arg(tally.replied));
    printOut(CommandText::tr("Failed: %1").arg(tally.failed));
    for (auto it = tally.failuresByCode.cbegin(); it != tally.failuresByCode.cend(); ++it) {
        const QString reason = WireError::deliveryReason(it.key());
        printOut(QStringLiteral("  %1 %2: %3").arg(it.key()).arg(reason.isEmpty() ? CommandText::tr("refused") : reason).arg(it.value()));
    }
    printOut(CommandText::tr("Unconfirmed: %1").arg(tally.unconfirmed));
    if (leftUnconfirmed > 0)
        printOut(CommandText::tr("  in flight when an earlier run stopped, with no word from Meta since: not sent again, so nobody gets it twice"));
    printMoney(CommandText::tr("Cost: %1 %2 (Meta's pricing on the statuses, at the rates of %3, %4)"),
               CampaignPlan::charged(tally.charged, rates));
}

} // namespace Mostrador::CampaignReport
