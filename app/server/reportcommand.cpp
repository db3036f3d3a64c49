#include "reportcommand.h"

#include "commandsupport.h"
#include "automation/shopautomation.h"
#include "reports/reportbuilder.h"
#include "reports/reportformat.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

namespace Mostrador {

int runReportCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandText::tr("Prints how the shop is doing over a period: reply times, unanswered and lost chats, "
                                        "messages by origin, closed hours, ads and what WhatsApp costs."));
    const QCommandLineOption dbOption(QStringLiteral("db"), CommandText::tr("The database: a file path or postgres://…"), QStringLiteral("path"));
    const QCommandLineOption fromOption(QStringLiteral("from"), CommandText::tr("First day (YYYY-MM-DD); 29 days before --to when not given."),
                                        QStringLiteral("date"));
    const QCommandLineOption toOption(QStringLiteral("to"), CommandText::tr("Last day, included (YYYY-MM-DD); today when not given."), QStringLiteral("date"));
    const QCommandLineOption zoneOption(QStringLiteral("tz"), CommandText::tr("Time zone of days and hours (e.g. America/Bogota); the shop's when not given."),
                                        QStringLiteral("zone"));
    const QCommandLineOption formatOption(QStringLiteral("format"), CommandText::tr("json or csv."), QStringLiteral("format"), QStringLiteral("json"));
    const QCommandLineOption rateCardOption(QStringLiteral("rate-card"), CommandText::tr("Price messages with this CSV instead of the shop's rate card."),
                                            QStringLiteral("file"));
    parser.addOptions({dbOption, fromOption, toOption, zoneOption, formatOption, rateCardOption});
    process(parser, QStringLiteral("report"), arguments);

    QStringList problems;
    if (!parser.isSet(dbOption))
        problems << CommandText::tr("--db is required.");
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("json") && format != QLatin1String("csv"))
        problems << CommandText::tr("--format must be json or csv, not \"%1\".").arg(format);
    const auto dateOf = [&](const QCommandLineOption &option) {
        const QDate date = QDate::fromString(parser.value(option), Qt::ISODate);
        if (parser.isSet(option) && !date.isValid())
            problems << CommandText::tr("--%1 must be a date written YYYY-MM-DD, not \"%2\".").arg(option.names().constFirst(), parser.value(option));
        return date;
    };
    QDate from = dateOf(fromOption);
    QDate to = dateOf(toOption);
    const QTimeZone givenZone = parser.isSet(zoneOption) ? readZone(parser.value(zoneOption), &problems) : QTimeZone();
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), true);
    if (!database)
        return kFailure;
    StoreError error;
    const ShopAutomation automation = ShopAutomation::load(*database, &error);
    OpeningHours hours = automation.hours;
    const QTimeZone zone = parser.isSet(zoneOption) ? givenZone : hours.zone();
    if (parser.isSet(zoneOption)) {
        // The same opening hours, read in the zone asked for.
        QString ignored;
        hours = OpeningHours::parse(hours.weekText(), zone, &ignored).value_or(OpeningHours(zone));
    }
    QString cardProblem;
    const RateCard rates = parser.isSet(rateCardOption) ? RateCard::shopOrShipped(parser.value(rateCardOption), &cardProblem)
                                                        : RateCard::forShop(*database, &cardProblem);
    if (!cardProblem.isEmpty())
        printError(cardProblem);

    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    if (!to.isValid())
        to = today;
    if (!from.isValid())
        from = to.addDays(-29);
    if (from > to)
        return configurationError({CommandText::tr("--from (%1) is after --to (%2).").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))});

    const auto report = ReportBuilder(*database, hours, rates).build(ReportPeriod::days(from, to, zone), &error);
    if (!report) {
        printError(CommandText::tr("Error: the report could not be read from the store: %1").arg(error.detail));
        return kFailure;
    }
    const QByteArray out = format == QLatin1String("csv") ? ReportFormat::toCsv(*report)
                                                          : QJsonDocument(ReportFormat::toJson(*report)).toJson(QJsonDocument::Indented);
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace Mostrador
