#pragma once

#include "api/apitypes.h"
#include "services/shopservices.h"
#include "db/database.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace Mostrador {

class CloudApiClient;

// The commands' sentences, translated in the context mostrador-server looks them up in:
// CommandText::tr("…").
class CommandText
{
    Q_DECLARE_TR_FUNCTIONS(ServerCommandLine)
};

// Small pieces every mostrador-server command uses.
namespace CommandSupport {

void printOut(const QString &line);
void printError(const QString &line);

// Prints each problem and a pointer to --help; returns the exit code for bad configuration.
int configurationError(const QStringList &problems);

// "HOST:PORT" (or ":PORT" / "PORT" for 127.0.0.1).
bool parseListen(const QString &text, QHostAddress *address, quint16 *port);

// Opens the store at `path` (SQLite file or postgres:// URL), printing why when it cannot.
// With mustExist, a missing SQLite file is an error instead of a new empty store.
std::unique_ptr<Database> openStore(const QString &path, bool mustExist);
// The shop's services on that store, as `serve` runs them; nothing (said why) when it cannot be opened.
std::unique_ptr<ShopServices> openServices(const QString &path, const ApiConfig &api, const QString &mediaFolder);

// The zone named by --tz (IANA, e.g. America/Bogota); an invalid zone, with the sentence in
// `problems`, when this computer does not know it.
QTimeZone readZone(const QString &text, QStringList *problems);

// The approved template `name` in `language`, read from Meta; nothing, with the sentence in
// `problem`, when Meta cannot be asked, the number has no such template or it is not approved.
std::optional<MessageTemplate> approvedTemplate(CloudApiClient &client, const QString &name, const QString &language, QString *problem);

// Parses the command's own options (arguments after the command name). Exits on --help.
void process(QCommandLineParser &parser, const QString &command, const QStringList &arguments);

constexpr int kConfigurationError = 2;
constexpr int kFailure = 1;

} // namespace CommandSupport

} // namespace Mostrador
