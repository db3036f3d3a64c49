#include "desktopoptions.h"

#include "i18n/languagecontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace Mostrador {

const QStringList kShopDialogs{QStringLiteral("hours"), QStringLiteral("quick-replies"), QStringLiteral("profile"),
                               QStringLiteral("privacy"), QStringLiteral("reports"), QStringLiteral("import"), QStringLiteral("connection"), QStringLiteral("setup"), QStringLiteral("first-run"),
                               QStringLiteral("templates"), QStringLiteral("template-editor"), QStringLiteral("campaigns"), QStringLiteral("new-campaign"),
                               QStringLiteral("orders"), QStringLiteral("catalog"), QStringLiteral("products"), QStringLiteral("new-order")};

QString forcedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
    }
    return {};
}

std::optional<DesktopOptions> parseDesktopOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("DesktopOptions", "Mostrador: the WhatsApp inbox for small shops."));
    // Its own words for --help: Qt's ("Displays help on commandline options.") stay English in a
    // Spanish window.
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("DesktopOptions", "Show this help and quit."));
    parser.addOption(helpOption);
    parser.addVersionOption();

    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("DesktopOptions",
                                    "Try Mostrador with simulated customers, without a WhatsApp account."));
    const QCommandLineOption languageOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("DesktopOptions", "Use this interface language: es or en."),
        QCoreApplication::translate("DesktopOptions", "language"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("DesktopOptions", "Show the window once, save it as a PNG image and quit."),
        QCoreApplication::translate("DesktopOptions", "file"));
    const QCommandLineOption databaseOption(
        QStringLiteral("db"),
        QCoreApplication::translate("DesktopOptions", "Open this database instead of the one in your data folder: a file, or postgres://user@host/db for team mode (also MOSTRADOR_DB)."),
        QCoreApplication::translate("DesktopOptions", "file"));
    const QCommandLineOption showOption(
        QStringLiteral("show"),
        QCoreApplication::translate("DesktopOptions", "Open one of the shop's windows at start: %1 (with --screenshot, the picture is of "
                                                      "that window).")
            .arg(kShopDialogs.join(QStringLiteral(", "))),
        QCoreApplication::translate("DesktopOptions", "window"));
    parser.addOptions({demoOption, languageOption, screenshotOption, databaseOption, showOption});

    parser.process(arguments); // exits on --version and unknown options
    if (parser.isSet(helpOption))
        parser.showHelp(0);

    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("DesktopOptions", "Unexpected argument: %1")
                                    .arg(parser.positionalArguments().constFirst())));
        return std::nullopt;
    }

    DesktopOptions options;
    options.demo = parser.isSet(demoOption);
    options.screenshotPath = parser.value(screenshotOption);
    // --db, or MOSTRADOR_DB (how a team's PCs are usually pointed at the shared store).
    options.databasePath = parser.isSet(databaseOption) ? parser.value(databaseOption) : qEnvironmentVariable("MOSTRADOR_DB");
    options.language = parser.value(languageOption);
    options.dialog = parser.value(showOption);
    if (!options.dialog.isEmpty() && !kShopDialogs.contains(options.dialog)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("DesktopOptions", "Unknown window \"%1\". Use %2.")
                                    .arg(options.dialog, kShopDialogs.join(QStringLiteral(", ")))));
        return std::nullopt;
    }
    if (!options.language.isEmpty() && !LanguageController::isSupported(options.language)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("DesktopOptions",
                                                            "Unknown language \"%1\". Use es or en.")
                                    .arg(options.language)));
        return std::nullopt;
    }
    return options;
}

} // namespace Mostrador
