#include "testenvironment.h"

#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

namespace Mostrador::Testing {

namespace {

std::unique_ptr<QTemporaryDir> &homeDirectory()
{
    static std::unique_ptr<QTemporaryDir> directory;
    return directory;
}

} // namespace

void isolateUserDirectories()
{
    auto &home = homeDirectory();
    home = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/mostrador-test-home-XXXXXX"));
    qputenv("HOME", QFile::encodeName(home->path()));
    // XDG variables would win over HOME; drop them so every path derives from the private home.
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        qunsetenv(name);
    QStandardPaths::setTestModeEnabled(true);
}

QDir testHome()
{
    return QDir(homeDirectory() ? homeDirectory()->path() : QDir::homePath());
}

QString sharedDirectory()
{
    const QDir shared(QStringLiteral(MOSTRADOR_SOURCE_DIR "/../shared"));
    return shared.exists() ? shared.canonicalPath() : QString();
}

QString sourceDirectory()
{
    return QStringLiteral(MOSTRADOR_SOURCE_DIR);
}

QString binaryDirectory()
{
    return QStringLiteral(MOSTRADOR_BINARY_DIR);
}

} // namespace Mostrador::Testing
