#include "servercommandline.h"

#include "common/applicationidentity.h"
#include "i18n/languagecontroller.h"

#include <QCoreApplication>

#ifdef Q_OS_WIN
#include <cstdio>
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#endif

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    // Everything printed is UTF-8 (names with accents, emoji): the console shows it as such, and
    // output sent to a file is byte for byte what Linux writes (no \r added to each line).
    SetConsoleOutputCP(CP_UTF8);
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
#endif
    QCoreApplication app(argc, argv);
    Mostrador::setApplicationIdentity();
    QCoreApplication::setApplicationName(QStringLiteral("mostrador-server"));
    // Logs go to stdout/stderr (the journal under systemd) with time, level and area.
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));

    Mostrador::LanguageController languages;
    languages.apply(QString());

    return Mostrador::runServerCommand(app);
}
