#include "teamcommand.h"

#include "commandsupport.h"
#include "common/clock.h"
#include "team/teamaccessstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Mostrador {

int runTeamCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    const QString action = arguments.value(0);
    const bool forServer = action == QLatin1String("add-server");
    if (action != QLatin1String("add-agent") && action != QLatin1String("remove-agent") && !forServer) {
        if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
            printOut(CommandText::tr("mostrador-server team add-agent --db URL --name NAME\n"
                        "    Gives a person their own sign-in to the team's database and prints it once.\n"
                        "mostrador-server team remove-agent --db URL --name NAME\n"
                        "    Ends that person's access at once; what they wrote stays.\n"
                        "mostrador-server team add-server --db URL\n"
                        "    Gives mostrador-server its own sign-in (for MOSTRADOR_DB) and prints it once."));
            return 0;
        }
        return configurationError({CommandText::tr("team needs add-agent, remove-agent or add-server.")});
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(forServer
        ? CommandText::tr("Gives mostrador-server its own sign-in to the team's database: all of the shop's data, none of the schema or the "
             "team's rights. Prints the address for MOSTRADOR_DB once; run again to change its password.")
        : action == QLatin1String("add-agent")
        ? CommandText::tr("Gives a person their own sign-in to the team's database (a PostgreSQL role that may answer customers but not change "
             "the shop's settings, automation, quick replies or team, nor delete history) and prints the address to give them, once.")
        : CommandText::tr("Ends a person's access to the team's database at once: their open sessions are closed and their sign-in removed. "
             "What they wrote stays, under their name."));
    const QCommandLineOption dbOption(QStringLiteral("db"), CommandText::tr("The team's database, with the owner's sign-in: postgres://…"), QStringLiteral("url"));
    const QCommandLineOption nameOption(QStringLiteral("name"), CommandText::tr("The person's name, as the team sees it."), QStringLiteral("name"));
    parser.addOption(dbOption);
    if (!forServer)
        parser.addOption(nameOption);
    process(parser, QStringLiteral("team ") + action, arguments.mid(1));

    QStringList problems;
    if (!parser.isSet(dbOption))
        problems << CommandText::tr("--db is required.");
    else if (!parser.value(dbOption).startsWith(QLatin1String("postgres")))
        problems << CommandText::tr("--db must be the team's PostgreSQL database (postgres://…): a single PC's store has no team.");
    if (!forServer && parser.value(nameOption).trimmed().isEmpty())
        problems << CommandText::tr("--name is required.");
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), true);
    if (!database)
        return kFailure;
    TeamAccessStore access(*database, systemClock());
    const QString name = forServer ? QString() : parser.value(nameOption).simplified();

    if (forServer) {
        StoreError error;
        const auto server = access.addServer(&error);
        if (!server) {
            printError(CommandText::tr("Error: the server's sign-in was not made: %1").arg(error.detail));
            return kFailure;
        }
        printOut(CommandText::tr("mostrador-server's own sign-in. Put it in MOSTRADOR_DB (in /etc/mostrador/mostrador.env) and restart the service:"));
        printOut(database->location().addressFor(server->role, server->password));
        printOut(CommandText::tr("After updating Mostrador, open the store once with the owner's address (the owner's desktop does it) so its "
                    "tables are brought up to date."));
        return 0;
    }

    if (action == QLatin1String("remove-agent")) {
        bool found = false;
        if (const StoreError error = access.removeAgent(name, &found); error.isError()) {
            printError(CommandText::tr("Error: %1 still has access: %2").arg(name, error.detail));
            return kFailure;
        }
        if (!found) {
            printError(CommandText::tr("Error: no agent is called \"%1\".").arg(name));
            return kConfigurationError;
        }
        printOut(CommandText::tr("%1 no longer has access to the team's database.").arg(name));
        return 0;
    }

    StoreError error;
    const auto agent = access.addAgent(name, &error);
    if (!agent) {
        printError(CommandText::tr("Error: %1 was not added: %2").arg(name, error.detail));
        if (error.kind == StoreError::Kind::NotAllowed)
            printError(CommandText::tr("Use the owner's sign-in (the one that created the store; it must be allowed to create roles)."));
        return kFailure;
    }
    printOut(CommandText::tr("%1 can now sign in to the team's database. Give them this address once, privately (it is not shown again):").arg(agent->name));
    printOut(database->location().addressFor(agent->role, agent->password));
    printOut(CommandText::tr("On their PC: mostrador --db \"ADDRESS\" (the password is then kept in that PC's keychain)."));
    return 0;
}

} // namespace Mostrador
