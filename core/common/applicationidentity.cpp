#include "applicationidentity.h"

#include <mostrador/version.h>

#include <QCoreApplication>
#include <QDir>

namespace Mostrador {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QLatin1String(kOrganizationName));
    QCoreApplication::setOrganizationDomain(QLatin1String(kOrganizationDomain));
    QCoreApplication::setApplicationName(QLatin1String(kApplicationName));
    QCoreApplication::setApplicationVersion(QLatin1String(kVersion));
}

QString personActing(const QString &signedInAs)
{
    if (!signedInAs.isEmpty())
        return signedInAs;
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QDir::home().dirName()));
}

} // namespace Mostrador
