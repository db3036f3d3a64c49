#include "desktopapplication.h"
#include "desktopoptions.h"

#include "common/applicationidentity.h"
#include "i18n/languagecontroller.h"

#include <mostrador/version.h>

#include <QApplication>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Mostrador::setApplicationIdentity();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Mostrador"));
    QGuiApplication::setDesktopFileName(QLatin1String(Mostrador::kDesktopFileName));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mostrador.svg")));

    // --help must already speak the requested language, so translators go in before parsing.
    Mostrador::LanguageController languages;
    const QString forced = Mostrador::forcedLanguage(app.arguments());
    languages.apply(Mostrador::LanguageController::isSupported(forced) ? forced : languages.savedChoice());

    const auto options = Mostrador::parseDesktopOptions(app.arguments());
    if (!options)
        return 2;

    Mostrador::DesktopApplication desktop(*options, languages);
    if (!desktop.start())
        return 1;
    return app.exec();
}
