#include "orderscommand.h"

#include "commandsupport.h"
#include "commerce/orderexport.h"
#include "commerce/orderstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace Mostrador {

int runOrdersCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ServerCommandLine",
        "Prints the shop's orders, newest first, one per line, as CSV or JSON Lines."));
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("ServerCommandLine", "The database: a file path or postgres://…"), QStringLiteral("path"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QCoreApplication::translate("ServerCommandLine", "csv or jsonl."), QStringLiteral("format"), QStringLiteral("csv"));
    const QCommandLineOption stageOption(QStringLiteral("stage"),
                                         QCoreApplication::translate("ServerCommandLine", "Only orders at this stage: new, pending_payment, paid, shipped, delivered or cancelled."),
                                         QStringLiteral("stage"));
    parser.addOptions({dbOption, formatOption, stageOption});
    process(parser, QStringLiteral("orders"), arguments);

    QStringList problems;
    if (!parser.isSet(dbOption))
        problems << QCoreApplication::translate("ServerCommandLine", "--db is required.");
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("jsonl") && format != QLatin1String("csv"))
        problems << QCoreApplication::translate("ServerCommandLine", "--format must be csv or jsonl, not \"%1\".").arg(format);
    OrderFilter filter;
    if (parser.isSet(stageOption)) {
        filter.stage = orderStageFromName(parser.value(stageOption));
        if (!filter.stage)
            problems << QCoreApplication::translate("ServerCommandLine",
                                                    "--stage must be new, pending_payment, paid, shipped, delivered or cancelled, not \"%1\".")
                            .arg(parser.value(stageOption));
    }
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), true);
    if (!database)
        return kFailure;
    StoreError error;
    const QList<Order> orders = OrderStore(*database).orders(filter, &error);
    if (error.isError()) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: the orders could not be read: %1").arg(error.detail));
        return kFailure;
    }
    QFile out;
    out.open(stdout, QIODevice::WriteOnly);
    QString problem;
    if (!OrderExport::write(orders, format == QLatin1String("csv") ? OrderExport::Format::Csv : OrderExport::Format::JsonLines, out,
                            &problem)) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: the orders could not be written: %1").arg(problem));
        return kFailure;
    }
    out.flush();
    printError(QCoreApplication::translate("ServerCommandLine", "%n order(s).", nullptr, int(orders.size())));
    return 0;
}

} // namespace Mostrador
