#include "exportcommand.h"

#include "commandsupport.h"
#include "reports/messageexportstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace Mostrador {

int runExportCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ServerCommandLine",
        "Writes every stored message, one per line, as JSON Lines or CSV."));
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("ServerCommandLine", "The database: a file path or postgres://…"), QStringLiteral("path"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QCoreApplication::translate("ServerCommandLine", "jsonl or csv."), QStringLiteral("format"), QStringLiteral("jsonl"));
    const QCommandLineOption outputOption(QStringLiteral("output"), QCoreApplication::translate("ServerCommandLine", "Write to this file instead of the standard output."), QStringLiteral("file"));
    parser.addOptions({dbOption, formatOption, outputOption});
    process(parser, QStringLiteral("export"), arguments);

    QStringList problems;
    if (!parser.isSet(dbOption))
        problems << QCoreApplication::translate("ServerCommandLine", "--db is required.");
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("jsonl") && format != QLatin1String("csv"))
        problems << QCoreApplication::translate("ServerCommandLine", "--format must be jsonl or csv, not \"%1\".").arg(format);
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), true);
    if (!database)
        return kFailure;

    const auto kind = format == QLatin1String("csv") ? MessageExportStore::Format::Csv : MessageExportStore::Format::JsonLines;
    qint64 rows = 0;
    StoreError error;
    if (parser.isSet(outputOption)) {
        QSaveFile file(parser.value(outputOption));
        if (!file.open(QIODevice::WriteOnly)) {
            printError(QCoreApplication::translate("ServerCommandLine", "Error: cannot write %1: %2").arg(file.fileName(), file.errorString()));
            return kFailure;
        }
        error = MessageExportStore::write(*database, kind, file, &rows);
        if (!error.isError() && !file.commit())
            error = StoreError::make(StoreError::Kind::Query, file.errorString());
    } else {
        QFile out;
        out.open(stdout, QIODevice::WriteOnly);
        error = MessageExportStore::write(*database, kind, out, &rows);
        out.flush();
    }
    if (error.isError()) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: the export stopped: %1").arg(error.detail));
        return kFailure;
    }
    printError(QCoreApplication::translate("ServerCommandLine", "Exported %n message(s).", nullptr, int(rows)));
    return 0;
}

} // namespace Mostrador
