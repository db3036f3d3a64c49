#include "campaigncommand.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "api/templatelibrary.h"
#include "api/templatetext.h"
#include "automation/shopautomation.h"
#include "campaigns/campaignplan.h"
#include "campaigns/campaignrunner.h"
#include "campaignreport.h"
#include "commandsupport.h"
#include "common/clock.h"
#include "outbox/outbox.h"
#include "reports/ratecard.h"
#include "services/shopservices.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QHostInfo>
#include <QTimer>

namespace Mostrador {

namespace {


// What the number may do, from its phone number's fields; Meta's defaults when it does not say.
CampaignRunner::Settings numberLimits(CloudApiClient &client)
{
    CampaignRunner::Settings settings;
    GraphJob *job = client.phoneNumberInfo();
    QEventLoop loop;
    QObject::connect(job, &ApiJob::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    if (job->succeeded()) {
        settings.takeLimitsOf(PhoneNumberInfo::fromJson(job->response()));
    }
    return settings;
}

QDateTime readTime(const QString &typed, const QTimeZone &zone, QStringList *problems)
{
    for (const char *format : {"yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd H:mm"}) {
        QDateTime at = QDateTime::fromString(typed.trimmed(), QLatin1String(format));
        if (at.isValid()) {
            at.setTimeZone(zone);
            return at;
        }
    }
    const QTime time = QTime::fromString(typed.trimmed(), QStringLiteral("H:mm"));
    if (time.isValid()) {
        const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(zone);
        QDateTime at(now.date(), time, zone);
        if (at < now)
            at = at.addDays(1);
        return at;
    }
    *problems << CommandText::tr("--at must be a time in the shop's zone, such as \"2026-12-05 10:00\" or \"10:00\", not \"%1\".").arg(typed);
    return {};
}

} // namespace

int runCampaignCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandText::tr(
        "Sends an approved template to many customers, once each. Prints the audience, who is left out and why, and the "
        "estimated cost; without --dry-run sends it and prints the results. A campaign is known by its name: running it "
        "again (after a crash or a reboot) goes on where it stopped and never writes twice to anyone. Needs "
        "MOSTRADOR_ACCESS_TOKEN, MOSTRADOR_PHONE_NUMBER_ID and MOSTRADOR_WABA_ID."));
    const QCommandLineOption dbOption(QStringLiteral("db"), CommandText::tr("The database: a file path or postgres://…"), QStringLiteral("path"));
    const QCommandLineOption nameOption(QStringLiteral("name"), CommandText::tr("The campaign's name."), QStringLiteral("name"));
    const QCommandLineOption templateOption(QStringLiteral("template"), CommandText::tr("An approved template's name."), QStringLiteral("name"));
    const QCommandLineOption langOption(QStringLiteral("lang"), CommandText::tr("The template's language code, such as es."), QStringLiteral("code"));
    const QCommandLineOption labelOption(QStringLiteral("label"), CommandText::tr("Send to the customers whose conversations carry this label."), QStringLiteral("name"));
    const QCommandLineOption customersOption(QStringLiteral("customers"), CommandText::tr("Send to the customers of a CSV with a phone column (and optional name and variable columns)."), QStringLiteral("file"));
    const QCommandLineOption paramOption(QStringLiteral("param"), CommandText::tr("A value for {{1}}, {{2}}…, in order: text, or {first_name}, {name}, {note} or a CSV column as {column}."), QStringLiteral("value"));
    const QCommandLineOption perSecondOption(QStringLiteral("per-second"), CommandText::tr("At most this many messages a second (the number's throughput by default)."), QStringLiteral("n"));
    const QCommandLineOption atOption(QStringLiteral("at"), CommandText::tr("Send at this time in the shop's zone: \"2026-12-05 10:00\" or \"10:00\"."), QStringLiteral("time"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"), CommandText::tr("Only say who would receive it and what it would cost."));
    const QCommandLineOption confirmOption(QStringLiteral("confirm-wait"), CommandText::tr("After a crash, seconds to wait for Meta's word on messages that were on their way (30)."), QStringLiteral("seconds"), QStringLiteral("30"));
    parser.addOptions({dbOption, nameOption, templateOption, langOption, labelOption, customersOption, paramOption, perSecondOption,
                       atOption, dryRunOption, confirmOption});
    process(parser, QStringLiteral("campaign"), arguments);

    QStringList problems;
    ApiConfig api = ApiConfig::fromEnvironment();
    for (const auto &[value, name] : {std::pair{api.accessToken, "MOSTRADOR_ACCESS_TOKEN"}, std::pair{api.phoneNumberId, "MOSTRADOR_PHONE_NUMBER_ID"},
                                      std::pair{api.wabaId, "MOSTRADOR_WABA_ID"}}) {
        if (value.isEmpty())
            problems << CommandText::tr("%1 is not set.").arg(QLatin1String(name));
    }
    for (const QCommandLineOption &required : {dbOption, nameOption, templateOption, langOption}) {
        if (parser.value(required).isEmpty())
            problems << CommandText::tr("--%1 is required.").arg(required.names().constFirst());
    }
    if (parser.isSet(labelOption) == parser.isSet(customersOption))
        problems << CommandText::tr("Give either --label or --customers (one of them).");
    bool ok = true;
    const int perSecond = parser.isSet(perSecondOption) ? parser.value(perSecondOption).toInt(&ok) : 0;
    if (!ok || perSecond < 0)
        problems << CommandText::tr("--per-second must be a whole number of messages.");
    const int confirmWait = parser.value(confirmOption).toInt(&ok);
    if (!ok || confirmWait < 0)
        problems << CommandText::tr("--confirm-wait must be a whole number of seconds.");
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), !parser.isSet(dryRunOption) ? false : true);
    if (!database)
        return kFailure;
    StoreError error;
    const ShopAutomation automation = ShopAutomation::load(*database, &error);
    const QTimeZone zone = automation.hours.zone();
    const QDateTime sendAt = parser.isSet(atOption) ? readTime(parser.value(atOption), zone, &problems) : QDateTime();
    if (!problems.isEmpty())
        return configurationError(problems);

    CampaignStore campaigns(*database);
    CloudApiClient client(api);
    SystemClock clock;
    QString problem;
    const RateCard rates = RateCard::forShop(*database, &problem);
    if (!problem.isEmpty())
        printError(problem);
    problem.clear();

    std::optional<Campaign> campaign = campaigns.find(parser.value(nameOption), &error);
    if (campaign && (campaign->templateName != parser.value(templateOption) || campaign->templateLanguage != parser.value(langOption)))
        return configurationError({CommandText::tr("The campaign %1 already exists with the template %2 (%3); choose another name.")
                                       .arg(campaign->name, campaign->templateName, campaign->templateLanguage)});
    if (campaign) {
        printOut(CommandText::tr("Campaign %1 exists: it goes on where it stopped, and nobody gets it twice.").arg(campaign->name));
        CampaignReport::printTally(*campaign, campaigns.tally(campaign->id, &error), rates);
        if (parser.isSet(dryRunOption) || campaign->state == CampaignState::Finished || campaign->state == CampaignState::Cancelled)
            return 0;
    } else {
        const auto chosen = CommandSupport::approvedTemplate(client, parser.value(templateOption), parser.value(langOption), &problem);
        if (!chosen)
            return configurationError({problem});
        CampaignAudience audience;
        audience.kind = parser.isSet(labelOption) ? CampaignAudience::Kind::Label : CampaignAudience::Kind::List;
        audience.label = parser.value(labelOption);
        audience.listPath = parser.value(customersOption);
        const TemplateText body(chosen->bodyText);
        QStringList variables;
        for (int i = 0; i < body.variableCount(); ++i)
            variables << body.variableName(i);
        const auto plan = CampaignPlan::make(*database, audience, parser.values(paramOption), variables, chosen->category, rates,
                                             qEnvironmentVariable("MOSTRADOR_COUNTRY", ShopServices::regionOf(*database)), clock.now(), &problem, !parser.isSet(dryRunOption));
        if (!plan)
            return configurationError({problem});
        Campaign draft;
        draft.name = parser.value(nameOption);
        draft.templateName = chosen->name;
        draft.templateLanguage = chosen->language;
        draft.templateCategory = chosen->category;
        draft.templateBody = chosen->bodyText;
        draft.parameters = parser.values(paramOption);
        draft.audience = audience.describe();
        draft.perSecond = perSecond;
        draft.sendAt = sendAt;
        draft.createdAt = clock.now();
        CampaignReport::printPlan(draft, *plan);
        if (parser.isSet(dryRunOption))
            return 0;
        if (plan->receiving() == 0) {
            printError(CommandText::tr("Nobody would receive it: nothing was sent."));
            return kFailure;
        }
        if (!campaigns.create(draft, plan->recipients, &error)) {
            printError(CommandText::tr("Error: %1").arg(error.userMessage));
            return kFailure;
        }
        campaign = campaigns.find(draft.name, &error);
        if (!campaign) {
            printError(CommandText::tr("Error: %1").arg(error.userMessage));
            return kFailure;
        }
    }

    // Sending.
    CampaignRunner::Settings limits = numberLimits(client);
    limits.confirmWaitSeconds = confirmWait;
    Outbox outbox(*database, client, clock);
    Outbox::Settings outboxSettings;
    outboxSettings.maxPerSecond = campaign->perSecond > 0 ? std::min(campaign->perSecond, limits.perSecond) : limits.perSecond;
    outboxSettings.unconfirmedGraceSeconds = confirmWait;
    outbox.setSettings(outboxSettings);
    CampaignRunner runner(*database, outbox, clock, QStringLiteral("mostrador-server campaign@") + QHostInfo::localHostName());
    runner.setSettings(limits);
    outbox.recover();
    if (!runner.start(campaign->id, &problem)) {
        printError(problem);
        return kFailure;
    }
    if (campaign->sendAt.isValid() && campaign->sendAt > clock.now())
        printError(CommandText::tr("Waiting until %1 to send.").arg(QLocale().toString(campaign->sendAt.toTimeZone(zone), QLocale::ShortFormat)));

    int code = 0;
    QEventLoop loop;
    QObject::connect(&runner, &CampaignRunner::finished, &loop, &QEventLoop::quit);
    QObject::connect(&runner, &CampaignRunner::failed, &loop, [&](qint64, const QString &reason) {
        printError(CommandText::tr("Error: %1").arg(reason));
        code = kFailure;
        loop.quit();
    });
    bool saidLimit = false;
    QObject::connect(&runner, &CampaignRunner::waitingForDailyLimit, &loop, [&] {
        if (!saidLimit)
            printError(CommandText::tr("The number has written first to as many customers as Meta allows in 24 hours; the rest go as the day frees up."));
        saidLimit = true;
    });
    loop.exec();
    runner.stop();
    const auto done = campaigns.find(campaign->id, &error);
    if (done)
        CampaignReport::printTally(*done, campaigns.tally(done->id, &error), rates, runner.leftUnconfirmed());
    return code;
}

} // namespace Mostrador
