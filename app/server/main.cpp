#include "servercommandline.h"

#include "common/applicationidentity.h"
#include "i18n/languagecontroller.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Mostrador::setApplicationIdentity();
    QCoreApplication::setApplicationName(QStringLiteral("mostrador-server"));

    Mostrador::LanguageController languages;
    languages.apply(QString());

    return Mostrador::runServerCommand(app);
}
