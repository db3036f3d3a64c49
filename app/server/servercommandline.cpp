#include "servercommandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace Mostrador {

int runServerCommand(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ServerCommandLine",
        "Mostrador's always-on service: receives WhatsApp webhooks, answers automatically and sends "
        "the outbox for a shop whose PC is not always on."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("ServerCommandLine", "What to do: serve, sandbox, send or export."));
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.helpText()));
        return 2;
    }
    std::fprintf(stderr, "%s\n",
                 qPrintable(QCoreApplication::translate("ServerCommandLine", "Unknown command \"%1\". Run with --help to see the commands.")
                                .arg(positional.constFirst())));
    return 2;
}

} // namespace Mostrador
