#include "servercommandline.h"

#include "common/applicationidentity.h"
#include "i18n/languagecontroller.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Mostrador::setApplicationIdentity();
    QCoreApplication::setApplicationName(QStringLiteral("mostrador-server"));
    // Logs go to stdout/stderr (the journal under systemd) with time, level and area.
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));

    Mostrador::LanguageController languages;
    languages.apply(QString());

    return Mostrador::runServerCommand(app);
}
