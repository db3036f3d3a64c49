#include "applicationidentity.h"

#include <mostrador/version.h>

#include <QCoreApplication>

namespace Mostrador {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QLatin1String(kOrganizationName));
    QCoreApplication::setOrganizationDomain(QLatin1String(kOrganizationDomain));
    QCoreApplication::setApplicationName(QLatin1String(kApplicationName));
    QCoreApplication::setApplicationVersion(QLatin1String(kVersion));
}

} // namespace Mostrador
