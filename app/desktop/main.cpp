#include "desktopapplication.h"
#include "desktopoptions.h"

#include "common/applicationidentity.h"
#include "i18n/languagecontroller.h"
#include "widgets/appearance.h"

#include <mostrador/version.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QIcon>

#include <cstring>

namespace {

// --version and --help must answer on a machine without a screen too, so they are handled
// before any window system is touched.
bool onlyAsksForInformation(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--version", "-v", "--help", "-h", "--help-all", "-?"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

std::optional<Mostrador::DesktopOptions> readOptions(const QStringList &arguments, Mostrador::LanguageController &languages)
{
    // --help must already speak the requested language, so translators go in before parsing.
    const QString forced = Mostrador::forcedLanguage(arguments);
    languages.apply(Mostrador::LanguageController::isSupported(forced) ? forced : languages.savedChoice());
    return Mostrador::parseDesktopOptions(arguments);
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (onlyAsksForInformation(argc, argv)) {
        QCoreApplication app(argc, argv);
        Mostrador::setApplicationIdentity();
        Mostrador::LanguageController languages;
        return readOptions(app.arguments(), languages) ? 0 : 2;
    }

    QApplication app(argc, argv);
    Mostrador::setApplicationIdentity();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Mostrador"));
    QGuiApplication::setDesktopFileName(QLatin1String(Mostrador::kDesktopFileName));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mostrador.svg")));
    Mostrador::Appearance::apply();

    Mostrador::LanguageController languages;
    const auto options = readOptions(app.arguments(), languages);
    if (!options)
        return 2;

    Mostrador::DesktopApplication desktop(*options, languages);
    desktop.setStartTimer(sinceStart);
    if (!desktop.start())
        return 1;
    return app.exec();
}
