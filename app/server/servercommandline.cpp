#include "servercommandline.h"

#include "backupcommand.h"
#include "importcommand.h"
#include "movecommand.h"
#include "commandsupport.h"
#include "customercommand.h"
#include "exportcommand.h"
#include "orderscommand.h"
#include "reportcommand.h"
#include "sandboxcommand.h"
#include "sendcommand.h"
#include "servecommand.h"
#include "teamcommand.h"
#include "templatescommand.h"
#include "campaigncommand.h"

#include <mostrador/version.h>

#include <QCoreApplication>

namespace Mostrador {

namespace {

QString usage()
{
    return QCoreApplication::translate("ServerCommandLine",
        "Usage: mostrador-server COMMAND [options]\n"
        "\n"
        "Mostrador's always-on service: receives WhatsApp webhooks, answers automatically and sends the outbox\n"
        "for a shop whose PC is not always on.\n"
        "\n"
        "Commands:\n"
        "  serve     receive webhooks into the database (--db PATH --listen HOST:PORT)\n"
        "  sandbox   run a pretend Cloud API with simulated customers (--listen HOST:PORT --webhook URL)\n"
        "  send      send one message (--db PATH --to ID --text T | --template NAME --lang CODE)\n"
        "  export    write every stored message as JSON Lines or CSV (--db PATH [--format jsonl|csv])\n"
        "  orders    the shop's orders with their stage, items and total (--db PATH [--format csv|jsonl]\n"
        "            [--stage STAGE])\n"
        "  report    how the shop is doing over a period, as JSON or CSV\n"
        "            (--db PATH [--from DATE] [--to DATE] [--tz ZONE] [--format json|csv])\n"
        "  import-chat  bring chats exported from the phone into the store\n"
        "            (--db PATH --me NAME [--phone NUMBER] [--tz ZONE] FILE...)\n"
        "  backup    copy the database safely, keeping the newest copies (--db PATH [--to FOLDER] [--keep N])\n"
        "  restore   put a backup in place, with the service stopped (--db PATH --from FILE)\n"
        "  move-to-postgres  copy the SQLite database into a new PostgreSQL one for team mode\n"
        "            (--from PATH --to URL)\n"
        "  customer  one customer's data: export it as a ZIP, or forget it\n"
        "            (export|forget --db PATH --customer ID)\n"
        "  team      give a person their own sign-in to the team's database, or end it\n"
        "            (add-agent|remove-agent --db URL --name NAME)\n"
        "  templates the number's message templates (list | delete NAME | create --name NAME --lang CODE\n"
        "            --category UTILITY|MARKETING|AUTHENTICATION --body TEXT [--example V…] [--button …])\n"
        "  campaign  send an approved template to many customers, once each (--db PATH --name NAME\n"
        "            --template NAME --lang CODE (--label NAME | --customers FILE.csv) [--dry-run])\n"
        "\n"
        "mostrador-server COMMAND --help shows a command's options; --version prints the version.");
}

} // namespace

int runServerCommand(QCoreApplication &app)
{
    QStringList arguments = app.arguments();
    arguments.removeFirst();
    if (arguments.isEmpty()) {
        CommandSupport::printError(usage());
        return CommandSupport::kConfigurationError;
    }
    const QString command = arguments.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        CommandSupport::printOut(QStringLiteral("mostrador-server %1").arg(QLatin1String(kVersion)));
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        CommandSupport::printOut(usage());
        return 0;
    }
    if (command == QLatin1String("serve"))
        return runServeCommand(arguments);
    if (command == QLatin1String("sandbox"))
        return runSandboxCommand(arguments);
    if (command == QLatin1String("send"))
        return runSendCommand(arguments);
    if (command == QLatin1String("export"))
        return runExportCommand(arguments);
    if (command == QLatin1String("orders"))
        return runOrdersCommand(arguments);
    if (command == QLatin1String("report"))
        return runReportCommand(arguments);
    if (command == QLatin1String("backup"))
        return runBackupCommand(arguments);
    if (command == QLatin1String("restore"))
        return runRestoreCommand(arguments);
    if (command == QLatin1String("templates"))
        return runTemplatesCommand(arguments);
    if (command == QLatin1String("campaign"))
        return runCampaignCommand(arguments);
    if (command == QLatin1String("import-chat"))
        return runImportChatCommand(arguments);
    if (command == QLatin1String("move-to-postgres"))
        return runMoveToPostgresCommand(arguments);
    if (command == QLatin1String("team"))
        return runTeamCommand(arguments);
    if (command == QLatin1String("customer"))
        return runCustomerCommand(arguments);

    CommandSupport::printError(QCoreApplication::translate("ServerCommandLine", "Unknown command \"%1\". Run with --help to see the commands.")
                                   .arg(command));
    return CommandSupport::kConfigurationError;
}

} // namespace Mostrador
