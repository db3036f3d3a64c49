#include "templatescommand.h"

#include "api/cloudapiclient.h"
#include "api/templatelibrary.h"
#include "api/templatetext.h"
#include "commandsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

namespace Mostrador {

namespace {


QStringList apiProblems(const ApiConfig &api)
{
    QStringList problems;
    if (api.accessToken.isEmpty())
        problems << CommandText::tr("MOSTRADOR_ACCESS_TOKEN is not set.");
    if (api.wabaId.isEmpty())
        problems << CommandText::tr("MOSTRADOR_WABA_ID is not set: templates belong to the WhatsApp Business Account.");
    return problems;
}

// Runs the library's call and waits for its one answer; prints Meta's refusal.
template<typename Start>
bool answered(TemplateLibrary &library, Start start)
{
    QEventLoop loop;
    bool ok = true;
    QObject::connect(&library, &TemplateLibrary::failed, &loop, [&](const WireError &error) {
        ok = false;
        CommandSupport::printError(CommandText::tr("Meta did not take it: %1").arg(error.title.isEmpty() ? error.userMessage() : error.title));
        if (!error.details.isEmpty())
            CommandSupport::printError(error.details);
        loop.quit();
    });
    QObject::connect(&library, &TemplateLibrary::loaded, &loop, &QEventLoop::quit);
    QObject::connect(&library, &TemplateLibrary::submitted, &loop, &QEventLoop::quit);
    QObject::connect(&library, &TemplateLibrary::removed, &loop, &QEventLoop::quit);
    start();
    loop.exec();
    return ok;
}

int list(TemplateLibrary &library)
{
    QList<MessageTemplate> found;
    QObject::connect(&library, &TemplateLibrary::loaded, &library, [&](const QList<MessageTemplate> &templates) { found = templates; });
    if (!answered(library, [&] { library.load(); }))
        return CommandSupport::kFailure;
    CommandSupport::printOut(CommandText::tr("NAME\tLANGUAGE\tSTATUS\tCATEGORY\tQUALITY\tTEXT"));
    for (const MessageTemplate &item : std::as_const(found)) {
        QString status = TemplateWords::status(item.status);
        if (const QString why = TemplateWords::rejection(item.rejectedReason); !why.isEmpty())
            status += QStringLiteral(" (") + why + QLatin1Char(')');
        CommandSupport::printOut(QStringList{item.name, item.language, status, TemplateWords::category(item.category),
                                             TemplateWords::quality(item.quality), QString(item.bodyText).replace(QLatin1Char('\n'), QLatin1Char(' '))}
                                     .join(QLatin1Char('\t')));
    }
    return 0;
}

int remove(TemplateLibrary &library, const QString &name)
{
    if (!answered(library, [&] { library.remove(name); }))
        return CommandSupport::kFailure;
    CommandSupport::printOut(CommandText::tr("Deleted %1, in every language. Meta keeps the name for %2 days: until %3 no new template can use it.")
                                 .arg(name)
                                 .arg(TemplateDraft::kDaysBeforeANameReturns)
                                 .arg(QDate::currentDate().addDays(TemplateDraft::kDaysBeforeANameReturns).toString(Qt::ISODate)));
    return 0;
}

} // namespace

int runTemplatesCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandText::tr(
        "The number's message templates: list them with Meta's review, delete one, or create one for review.\n"
        "  templates list\n"
        "  templates delete NAME\n"
        "  templates create --name NAME --lang CODE --category UTILITY|MARKETING|AUTHENTICATION --body TEXT [options]\n"
        "Needs MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_WABA_ID (and MOSTRADOR_APP_ID for --header-image); "
        "MOSTRADOR_GRAPH_URL points it elsewhere (the sandbox)."));
    const QCommandLineOption nameOption(QStringLiteral("name"), CommandText::tr("The template's name: lowercase letters, digits and underscores."), QStringLiteral("name"));
    const QCommandLineOption langOption(QStringLiteral("lang"), CommandText::tr("Its language code, such as es, en_US or pt_BR."), QStringLiteral("code"));
    const QCommandLineOption categoryOption(QStringLiteral("category"), CommandText::tr("UTILITY, MARKETING or AUTHENTICATION."), QStringLiteral("category"));
    const QCommandLineOption bodyOption(QStringLiteral("body"), CommandText::tr("The message, with variables {{1}}, {{2}}… or {{first_name}}."), QStringLiteral("text"));
    const QCommandLineOption exampleOption(QStringLiteral("example"), CommandText::tr("An example value for each variable, in order; repeat it."), QStringLiteral("value"));
    const QCommandLineOption headerTextOption(QStringLiteral("header-text"), CommandText::tr("A header line (60 characters at most)."), QStringLiteral("text"));
    const QCommandLineOption headerImageOption(QStringLiteral("header-image"), CommandText::tr("A header image: its example file (JPEG or PNG)."), QStringLiteral("file"));
    const QCommandLineOption footerOption(QStringLiteral("footer"), CommandText::tr("A footer line (60 characters at most)."), QStringLiteral("text"));
    const QCommandLineOption buttonOption(QStringLiteral("button"), CommandText::tr("A button: quick:TEXT, url:TEXT=URL or phone:TEXT=NUMBER; repeat it."), QStringLiteral("button"));
    parser.addOptions({nameOption, langOption, categoryOption, bodyOption, exampleOption, headerTextOption, headerImageOption,
                       footerOption, buttonOption});
    parser.addPositionalArgument(QStringLiteral("action"), CommandText::tr("list, delete NAME or create."));
    process(parser, QStringLiteral("templates"), arguments);

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const ApiConfig api = ApiConfig::fromEnvironment();
    QStringList problems = apiProblems(api);
    if (action != QLatin1String("list") && action != QLatin1String("delete") && action != QLatin1String("create"))
        problems << CommandText::tr("Say what to do: list, delete NAME or create.");
    if (action == QLatin1String("delete") && positional.value(1).isEmpty())
        problems << CommandText::tr("delete needs the template's name.");

    TemplateDraft draft;
    QByteArray headerFile;
    QString headerType;
    if (action == QLatin1String("create")) {
        draft.name = parser.value(nameOption);
        draft.language = parser.value(langOption);
        draft.category = parser.value(categoryOption).toUpper();
        draft.body = parser.value(bodyOption);
        draft.examples = parser.values(exampleOption);
        draft.footer = parser.value(footerOption);
        if (parser.isSet(headerTextOption) && parser.isSet(headerImageOption))
            problems << CommandText::tr("Give --header-text or --header-image, not both.");
        if (parser.isSet(headerTextOption)) {
            draft.header = TemplateDraft::Header::Text;
            draft.headerText = parser.value(headerTextOption);
            // A header variable takes the example after the body's.
            draft.headerExample = draft.examples.value(int(draft.bodyVariables().size()));
        } else if (parser.isSet(headerImageOption)) {
            QFile file(parser.value(headerImageOption));
            if (!file.open(QIODevice::ReadOnly)) {
                problems << CommandText::tr("%1 could not be read: %2").arg(file.fileName(), file.errorString());
            } else {
                headerFile = file.readAll();
                headerType = QMimeDatabase().mimeTypeForData(headerFile).name();
                if (headerType != QLatin1String("image/jpeg") && headerType != QLatin1String("image/png"))
                    problems << CommandText::tr("%1 is not a JPEG or PNG image.").arg(file.fileName());
                if (api.appId.isEmpty())
                    problems << CommandText::tr("MOSTRADOR_APP_ID is not set: Meta's upload of a header's example needs the app's id.");
                draft.header = TemplateDraft::Header::Image;
                draft.headerMediaHandle = QStringLiteral("pending upload");
            }
        }
        for (const QString &spec : parser.values(buttonOption)) {
            QString problem;
            if (const auto button = TemplateButton::parse(spec, &problem))
                draft.buttons << *button;
            else
                problems << problem;
        }
        // A link ending in a variable takes the next example as its full address.
        int nextExample = int(draft.bodyVariables().size()) + (draft.headerExample.isEmpty() ? 0 : 1);
        for (TemplateButton &button : draft.buttons) {
            if (button.kind == TemplateButton::Kind::Url && button.target.contains(QLatin1String("{{")))
                button.example = draft.examples.value(nextExample++);
        }
        problems << draft.problems();
    }
    if (!problems.isEmpty())
        return configurationError(problems);

    CloudApiClient client(api);
    TemplateLibrary library(client);
    if (action == QLatin1String("list"))
        return list(library);
    if (action == QLatin1String("delete"))
        return remove(library, positional.value(1));

    TemplateLibrary::Submitted result;
    QObject::connect(&library, &TemplateLibrary::submitted, &library, [&](const TemplateLibrary::Submitted &submitted) { result = submitted; });
    if (!answered(library, [&] {
            library.submit(draft, headerFile, headerType, QFileInfo(parser.value(headerImageOption)).fileName());
        }))
        return kFailure;
    printOut(CommandText::tr("Submitted %1 (%2): %3. Meta reviews it, usually within minutes and at most in a day; its answer arrives "
                  "by webhook and shows in templates list.")
                 .arg(draft.name, draft.language, TemplateWords::status(result.status)));
    if (!result.category.isEmpty() && result.category.compare(draft.category, Qt::CaseInsensitive) != 0)
        printOut(TemplateWords::recategorised(draft.category, result.category));
    printOut(QStringLiteral("id\t%1").arg(result.id));
    return 0;
}

} // namespace Mostrador
