#include "customercommand.h"

#include "commandsupport.h"
#include "privacy/customerexport.h"
#include "privacy/retention.h"
#include "privacy/customerrecordstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace Mostrador {

int runCustomerCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    const QString action = arguments.value(0);
    if (action != QLatin1String("export") && action != QLatin1String("forget")) {
        if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
            printOut(CommandText::tr("mostrador-server customer export --db PATH --customer ID [--output FILE.zip]\n"
                        "    Writes everything kept about one customer (right of access) as a ZIP.\n"
                        "mostrador-server customer forget --db PATH --customer ID --yes\n"
                        "    Removes everything kept about one customer (right to erasure)."));
            return 0;
        }
        return configurationError({CommandText::tr("customer needs export or forget.")});
    }
    const bool forget = action == QLatin1String("forget");
    QCommandLineParser parser;
    parser.setApplicationDescription(forget
        ? CommandText::tr("Removes a customer's messages, files, notes, labels and conversations from the store and the media folder. "
             "Backups made before keep them until they are rotated away.")
        : CommandText::tr("Writes everything the store keeps about one customer (who they are to the shop, their conversations, team notes "
             "and files) as a ZIP with customer.json and a files folder."));
    const QCommandLineOption dbOption(QStringLiteral("db"), CommandText::tr("The database: a file path or postgres://…"), QStringLiteral("path"));
    const QCommandLineOption customerOption(QStringLiteral("customer"),
                                            CommandText::tr("Their WhatsApp number (as people write it), business-scoped id, or @username."),
                                            QStringLiteral("id"));
    const QCommandLineOption outputOption(QStringLiteral("output"), CommandText::tr("The ZIP to write (default: customer-ID.zip here)."),
                                          QStringLiteral("file"));
    const QCommandLineOption yesOption(QStringLiteral("yes"), CommandText::tr("Confirms the removal: it cannot be undone."));
    parser.addOptions({dbOption, customerOption});
    parser.addOption(forget ? yesOption : outputOption);
    process(parser, QStringLiteral("customer ") + action, arguments.mid(1));

    QStringList problems;
    if (!parser.isSet(dbOption))
        problems << CommandText::tr("--db is required.");
    if (parser.value(customerOption).trimmed().isEmpty())
        problems << CommandText::tr("--customer is required: their number, business-scoped id or @username.");
    if (forget && !parser.isSet(yesOption))
        problems << CommandText::tr("--yes is required: forgetting a customer cannot be undone.");
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), true);
    if (!database)
        return kFailure;
    StoreError error;
    const QString who = parser.value(customerOption).trimmed();
    const auto customer = CustomerRecordStore(*database).find(who, &error);
    if (!customer) {
        printError(error.isError() ? CommandText::tr("Error: %1").arg(error.detail) : CommandText::tr("Error: no customer %1 in this store.").arg(who));
        return error.isError() ? kFailure : kConfigurationError;
    }

    if (forget) {
        const auto forgotten = CustomerRecordStore(*database).forgetCustomer(*customer, &error);
        if (!forgotten) {
            printError(CommandText::tr("Error: nothing was removed: %1").arg(error.detail));
            return kFailure;
        }
        const int files = Retention::removeFiles(forgotten->unusedMediaFiles);
        printOut(CommandText::tr("Forgot %1: %2 conversations, %3 messages, %4 files. Backups made before now still hold them until "
                    "they are rotated away.")
                     .arg(who).arg(forgotten->conversations).arg(forgotten->messages).arg(files));
        return 0;
    }
    QString digits = who;
    digits.remove(QRegularExpression(QStringLiteral("[^0-9A-Za-z._]")));
    const QString output = parser.isSet(outputOption) ? parser.value(outputOption) : QStringLiteral("customer-%1.zip").arg(digits);
    const CustomerExport::Result result = CustomerExport::write(*database, *customer, output);
    if (!result.ok) {
        printError(CommandText::tr("Error: %1").arg(result.error));
        return kFailure;
    }
    printOut(CommandText::tr("Wrote %1: %2 messages, %3 files.").arg(output).arg(result.messages).arg(result.files));
    return 0;
}

} // namespace Mostrador
