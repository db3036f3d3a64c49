#include "desktopapplication.h"
#include "desktopoptions.h"

#include "common/applicationidentity.h"
#include "i18n/languagecontroller.h"
#include "widgets/appearance.h"

#include <mostrador/version.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
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

// Without a session bus in the environment, libdbus "autolaunches" one through dbus-launch, which
// holds the start-up for about three seconds and then gives a bus with no keyring or notification
// service on it. Use the user's bus where systemd keeps it; otherwise say there is none, so
// D-Bus calls fail at once and Mostrador starts as fast as with a bus (notifications and the
// keychain then say they are unavailable, as they would be on an autolaunched bus).
void avoidSessionBusAutolaunch()
{
    if (qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        return;
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo::exists(QString::fromLocal8Bit(runtime + "/bus"))) {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + runtime + "/bus");
        return;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", "disabled:");
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

    avoidSessionBusAutolaunch();
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
