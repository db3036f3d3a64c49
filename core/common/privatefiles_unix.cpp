#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace Mostrador::PrivateFiles {

namespace {

constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerFolder = kOwnerFile | QFileDevice::ExeOwner;

} // namespace

bool secureFolder(const QString &folder)
{
    return QDir().mkpath(folder) && QFile::setPermissions(folder, kOwnerFolder);
}

bool secureFile(const QString &path)
{
    return QFileInfo::exists(path) && QFile::setPermissions(path, kOwnerFile);
}

bool createPrivately(const QString &path)
{
    if (QFileInfo::exists(path))
        return secureFile(path);
    QFile file(path);
    // Permissions set before anything is written: the file is never readable by others.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return false;
    const bool secured = file.setPermissions(kOwnerFile);
    file.close();
    return secured;
}

bool isOwnersAlone(const QString &path)
{
    struct stat status {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return false;
    return status.st_uid == ::geteuid() && (status.st_mode & (S_IRWXG | S_IRWXO)) == 0;
}

} // namespace Mostrador::PrivateFiles
