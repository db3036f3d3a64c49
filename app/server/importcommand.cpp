#include "importcommand.h"

#include "automation/shopautomation.h"
#include "commandsupport.h"
#include "identity/phonenumbers.h"
#include "import/chatimport.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QLocale>

namespace Mostrador {

int runImportChatCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandText::tr(
        "Brings chats exported from the phone (WhatsApp ▸ chat ▸ More ▸ Export chat: a .txt, or a .zip with its media) into "
        "the store, marked as imported. Importing the same file again adds nothing; a later export of the same chat adds "
        "only the new messages."));
    const QCommandLineOption dbOption(QStringLiteral("db"), CommandText::tr("The database file or postgres:// address."), QStringLiteral("path"));
    const QCommandLineOption meOption(QStringLiteral("me"), CommandText::tr("The shop's name in the chats (its messages are the shop's)."),
                                      QStringLiteral("name"));
    const QCommandLineOption phoneOption(QStringLiteral("phone"), CommandText::tr("The customer's number, when importing one chat."),
                                         QStringLiteral("number"));
    const QCommandLineOption zoneOption(QStringLiteral("tz"), CommandText::tr("The time zone the phone was in (default: the shop's)."),
                                        QStringLiteral("zone"));
    const QCommandLineOption mediaOption(QStringLiteral("media"), CommandText::tr("Where media go (default: media beside the database)."),
                                         QStringLiteral("folder"));
    const QCommandLineOption forceOption(QStringLiteral("force"),
                                         CommandText::tr("Import even when the --me name wrote nothing in a chat (all of it is then the customer's)."));
    parser.addOptions({dbOption, meOption, phoneOption, zoneOption, mediaOption, forceOption});
    parser.addPositionalArgument(QStringLiteral("files"), CommandText::tr("The exported chats (.txt or .zip), or folders holding them."),
                                 QStringLiteral("FILE..."));
    process(parser, QStringLiteral("import-chat"), arguments);

    QStringList problems;
    if (!parser.isSet(dbOption))
        problems << CommandText::tr("--db is required.");
    if (!parser.isSet(meOption))
        problems << CommandText::tr("--me is required: the shop's name as it appears in the chats.");
    if (parser.positionalArguments().isEmpty())
        problems << CommandText::tr("Name at least one exported chat.");
    if (parser.isSet(phoneOption) && parser.positionalArguments().size() > 1)
        problems << CommandText::tr("--phone goes with one chat only.");
    const QTimeZone givenZone = parser.isSet(zoneOption) ? readZone(parser.value(zoneOption), &problems) : QTimeZone();
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), false);
    if (!database)
        return kFailure;
    StoreError loadError;
    ChatImport::Settings settings;
    settings.me = parser.value(meOption);
    settings.meMayBeAbsent = parser.isSet(forceOption);
    settings.phone = parser.value(phoneOption);
    settings.defaultRegion = PhoneNumbers::defaultRegion();
    settings.zone = parser.isSet(zoneOption) ? givenZone : ShopAutomation::load(*database, &loadError).hours.zone();
    settings.locale = QLocale::system();
    settings.businessNumberId = qEnvironmentVariable("MOSTRADOR_PHONE_NUMBER_ID");
    const QString dbPath = parser.value(dbOption);
    settings.mediaFolder = parser.isSet(mediaOption) ? parser.value(mediaOption)
                         : database->dialect().isSqlite() ? QFileInfo(dbPath).absolutePath() + QStringLiteral("/media")
                                                          : QStringLiteral("media");
    ChatImport import(*database, settings);
    const QStringList files = ChatImport::withFoldersOpened(parser.positionalArguments());
    QString error;
    if (files.isEmpty()) {
        printError(CommandText::tr("Nothing was imported: no .txt or .zip chat in the folders given."));
        return kConfigurationError;
    }
    bool meMissing = false;
    if (!import.check(files, &error, &meMissing)) {
        printError(CommandText::tr("Nothing was imported. %1").arg(error));
        if (meMissing)
            printError(CommandText::tr("Give the shop's name as the chat writes it with --me, or add --force to import it anyway."));
        return kConfigurationError;
    }
    ChatImport::Summary summary;
    if (!import.run(files, &summary, &error)) {
        printError(CommandText::tr("Nothing was imported: %1").arg(error));
        return kFailure;
    }
    const QLocale locale;
    printOut(CommandText::tr("Chats: %1").arg(summary.chats));
    printOut(CommandText::tr("Messages added: %1").arg(locale.toString(summary.messages)));
    printOut(CommandText::tr("Already there: %1").arg(locale.toString(summary.alreadyThere)));
    printOut(CommandText::tr("Media kept: %1").arg(summary.media));
    printOut(CommandText::tr("Media not included in the export: %1").arg(summary.omitted));
    printOut(CommandText::tr("Lines not understood: %1").arg(summary.unreadLines.size()));
    for (const QString &line : std::as_const(summary.unreadLines))
        printOut(QStringLiteral("  ") + line);
    return 0;
}

} // namespace Mostrador
