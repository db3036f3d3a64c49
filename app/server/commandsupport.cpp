#include "commandsupport.h"

#include "api/cloudapiclient.h"
#include "api/templatelibrary.h"
#include "api/templatetext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>

namespace Mostrador::CommandSupport {

std::optional<MessageTemplate> approvedTemplate(CloudApiClient &client, const QString &name, const QString &language,
                                                QString *problem)
{
    TemplateLibrary library(client);
    QList<MessageTemplate> found;
    QEventLoop loop;
    QObject::connect(&library, &TemplateLibrary::loaded, &loop, [&](const QList<MessageTemplate> &templates) {
        found = templates;
        loop.quit();
    });
    QObject::connect(&library, &TemplateLibrary::failed, &loop, [&](const WireError &error) {
        *problem = CommandText::tr("The templates could not be read from Meta: %1").arg(error.userMessage());
        loop.quit();
    });
    library.load();
    loop.exec();
    if (!problem->isEmpty())
        return std::nullopt;
    for (const MessageTemplate &candidate : std::as_const(found)) {
        if (candidate.name == name && candidate.language == language) {
            if (candidate.isApproved())
                return candidate;
            *problem = CommandText::tr("The template %1 (%2) is %3: only approved templates can be sent.")
                           .arg(name, language, TemplateWords::status(candidate.status));
            return std::nullopt;
        }
    }
    *problem = CommandText::tr("The number has no template %1 in %2 (templates list shows them).").arg(name, language);
    return std::nullopt;
}

void printOut(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

void printError(const QString &line)
{
    std::fprintf(stderr, "%s\n", line.toUtf8().constData());
}

int configurationError(const QStringList &problems)
{
    for (const QString &problem : problems)
        printError(QCoreApplication::translate("ServerCommandLine", "Error: %1").arg(problem));
    printError(QCoreApplication::translate("ServerCommandLine", "Run mostrador-server --help for the commands and their settings."));
    return kConfigurationError;
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    const QString host = colon < 0 ? QString() : text.left(colon);
    bool ok = false;
    const uint number = (colon < 0 ? text : text.mid(colon + 1)).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    *port = quint16(number);
    if (host.isEmpty() || host == QLatin1String("localhost")) {
        *address = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    return address->setAddress(host == QLatin1String("*") ? QStringLiteral("0.0.0.0") : host);
}

std::unique_ptr<ShopServices> openServices(const QString &path, const ApiConfig &api, const QString &mediaFolder)
{
    QString error;
    auto services = ShopServices::open(StoreLocation::parse(path), api, mediaFolder, ShopServices::Runner::Server, &error);
    if (!services) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: %1").arg(error));
        printError(QCoreApplication::translate("ServerCommandLine", "(%1)").arg(StoreLocation::parse(path).describe()));
    }
    return services;
}

std::unique_ptr<Database> openStore(const QString &path, bool mustExist)
{
    const StoreLocation location = StoreLocation::parse(path);
    if (mustExist && location.dialect.isSqlite() && !QFileInfo::exists(path)) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: there is no Mostrador database at %1.").arg(path));
        return nullptr;
    }
    StoreError error;
    auto database = Database::open(location, &error);
    if (!database) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: %1").arg(error.userMessage));
        printError(QCoreApplication::translate("ServerCommandLine", "(%1: %2)").arg(location.describe(), error.detail));
    }
    return database;
}

void process(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    parser.addHelpOption();
    QStringList withProgram = arguments;
    withProgram.prepend(QCoreApplication::applicationName() + QLatin1Char(' ') + command);
    // Qt's help names the program by its path; a command's help names the command.
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        QString help = parser.helpText();
        help.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("mostrador-server ") + command);
        printOut(help.trimmed());
        std::exit(0);
    }
    parser.process(withProgram);
}

QTimeZone readZone(const QString &text, QStringList *problems)
{
    const QTimeZone zone(text.toUtf8());
    if (!zone.isValid() || !QTimeZone::isTimeZoneIdAvailable(text.toUtf8())) {
        *problems << CommandText::tr("--tz: \"%1\" is not a time zone this computer knows (e.g. Europe/Madrid, America/Bogota).").arg(text);
        return {};
    }
    return zone;
}

} // namespace Mostrador::CommandSupport
