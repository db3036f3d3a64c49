#include "contentfiles.h"

#include "privatefiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QSaveFile>

namespace Mostrador::ContentFiles {

Kept keep(const QString &folder, const QByteArray &data, const QString &mimeType)
{
    Kept kept;
    kept.sha256 = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    const QString suffix = QMimeDatabase().mimeTypeForName(mimeType).preferredSuffix();
    const QString path = QDir(folder).filePath(kept.sha256 + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix));
    if (!QFile::exists(path)) {
        if (!QDir().mkpath(folder)) {
            kept.problem = QStringLiteral("cannot create %1").arg(folder);
            return kept;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
            kept.problem = file.errorString();
            return kept;
        }
        PrivateFiles::secureFile(path);
    }
    kept.path = path;
    return kept;
}

} // namespace Mostrador::ContentFiles
