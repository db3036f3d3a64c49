#include "importcommand.h"

#include "common/applicationidentity.h"
#include "automation/shopautomation.h"
#include "commandsupport.h"
#include "identity/phonenumbers.h"
#include "import/chatimport.h"
#include "import/importrecordstore.h"
#include "import/importstore.h"
#include "privacy/retention.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QLocale>

namespace Mostrador {

namespace {

// import-chat --undo 12, or --undo "WhatsApp Chat with Andrea.txt": takes that import's messages
// out again (and what it started that holds nothing else), so it can be imported again right.
int undoImport(Database &database, const QString &which)
{
    using namespace CommandSupport;
    ImportRecordStore records(database);
    bool isNumber = false;
    const qint64 number = which.toLongLong(&isNumber);
    StoreResult<std::optional<ImportRecord>> found = std::optional<ImportRecord>();
    if (isNumber && !QFileInfo::exists(which)) {
        found = records.find(number);
    } else {
        const ImportSource source = ImportSource::ofFiles({which});
        found = records.newestOfFile(source.fileSha256.value(0), source.fileNames.value(0));
    }
    if (found.isError()) {
        printError(found.error().userMessage);
        return kFailure;
    }
    if (!found->has_value()) {
        printError(isNumber ? CommandText::tr("There is no import number %1.").arg(which)
                            : CommandText::tr("No import of \"%1\" is left to undo.").arg(QFileInfo(which).fileName()));
        const auto all = records.imports();
        if (!all.isError() && !all->isEmpty()) {
            printError(CommandText::tr("The imports this store knows:"));
            const QLocale locale;
            for (const ImportRecord &record : *all) {
                printError(QStringLiteral("  %1  %2  %3%4")
                               .arg(record.id)
                               .arg(locale.toString(record.importedAt.toLocalTime(), QLocale::ShortFormat), record.fileNames.join(QStringLiteral(", ")),
                                    record.isUndone() ? CommandText::tr(" (undone)") : QString()));
            }
        }
        return kConfigurationError;
    }
    const ImportRecord record = **found;
    const auto undone = records.undo(record.id, personActing(database.location().user), QDateTime::currentDateTimeUtc());
    if (undone.isError()) {
        printError(CommandText::tr("Nothing was undone: %1").arg(undone.error().userMessage));
        return undone.error().kind == StoreError::Kind::Query ? kConfigurationError : kFailure;
    }
    const int files = Retention::removeFiles(undone->unusedMediaFiles);
    const QLocale locale;
    printOut(CommandText::tr("Import undone: %1").arg(record.id));
    printOut(CommandText::tr("Files: %1").arg(record.fileNames.join(QStringLiteral(", "))));
    printOut(CommandText::tr("Messages removed: %1").arg(locale.toString(undone->messages)));
    printOut(CommandText::tr("Conversations removed: %1").arg(undone->conversations));
    printOut(CommandText::tr("Customers removed: %1").arg(undone->customers));
    printOut(CommandText::tr("Media files removed: %1").arg(files));
    return 0;
}

} // namespace

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
    const QCommandLineOption undoOption(QStringLiteral("undo"),
                                        CommandText::tr("Take an import out again: its number (printed when it was imported), or the file imported."),
                                        QStringLiteral("import"));
    const QCommandLineOption datesOption(QStringLiteral("dates"),
                                         CommandText::tr("How to read a chat whose every date reads both ways: day-first or month-first "
                                                         "(a chat whose dates decide keeps its own)."),
                                         QStringLiteral("order"));
    parser.addOptions({dbOption, meOption, phoneOption, zoneOption, mediaOption, forceOption, undoOption, datesOption});
    parser.addPositionalArgument(QStringLiteral("files"), CommandText::tr("The exported chats (.txt or .zip), or folders holding them."),
                                 QStringLiteral("FILE..."));
    process(parser, QStringLiteral("import-chat"), arguments);

    QStringList problems;
    if (!parser.isSet(dbOption))
        problems << CommandText::tr("--db is required.");
    if (parser.isSet(undoOption)) {
        if (!parser.positionalArguments().isEmpty() || parser.isSet(meOption))
            problems << CommandText::tr("--undo goes alone: it takes out one import, and imports nothing.");
        if (!problems.isEmpty())
            return configurationError(problems);
        auto database = openStore(parser.value(dbOption), true);
        if (!database)
            return kFailure;
        return undoImport(*database, parser.value(undoOption));
    }
    if (!parser.isSet(meOption))
        problems << CommandText::tr("--me is required: the shop's name as it appears in the chats.");
    if (parser.positionalArguments().isEmpty())
        problems << CommandText::tr("Name at least one exported chat.");
    if (parser.isSet(phoneOption) && parser.positionalArguments().size() > 1)
        problems << CommandText::tr("--phone goes with one chat only.");
    const QTimeZone givenZone = parser.isSet(zoneOption) ? readZone(parser.value(zoneOption), &problems) : QTimeZone();
    std::optional<ChatExportReader::DateOrder> dateOrder;
    if (parser.isSet(datesOption)) {
        if (parser.value(datesOption) == QLatin1String("day-first"))
            dateOrder = ChatExportReader::DateOrder::DayMonthYear;
        else if (parser.value(datesOption) == QLatin1String("month-first"))
            dateOrder = ChatExportReader::DateOrder::MonthDayYear;
        else
            problems << CommandText::tr("--dates is day-first or month-first.");
    }
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), false);
    if (!database)
        return kFailure;
    StoreError loadError;
    ChatImport::Settings settings;
    settings.me = parser.value(meOption);
    settings.meMayBeAbsent = parser.isSet(forceOption);
    settings.dateOrder = dateOrder;
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
    for (const QString &dates : std::as_const(summary.dates))
        printOut(CommandText::tr("Dates: %1").arg(dates));
    printOut(CommandText::tr("Lines not understood: %1").arg(summary.unreadLines.size()));
    for (const QString &line : std::as_const(summary.unreadLines))
        printOut(QStringLiteral("  ") + line);
    printOut(CommandText::tr("Import: %1 (import-chat --undo %1 takes it out again)").arg(summary.importId));
    return 0;
}

} // namespace Mostrador
