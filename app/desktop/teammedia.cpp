#include "teammedia.h"

#include "common/privatefiles.h"

#include "media/mediastore.h"
#include "db/settingsstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QNetworkReply>
#include <QSaveFile>

namespace Mostrador {

TeamMedia::TeamMedia(Database &database, QString folder, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_folder(std::move(folder))
{
}

QString TeamMedia::resolve(const QString &storedPath) const
{
    if (QFileInfo::exists(storedPath))
        return storedPath;
    const QString copy = QDir(m_folder).filePath(QFileInfo(storedPath).fileName());
    return QFileInfo::exists(copy) ? copy : QString();
}

void TeamMedia::fetchMissing(qint64 conversationId)
{
    StoreError error;
    const QMap<QString, QString> team = SettingsStore(m_database).read(QStringLiteral("team/"), &error);
    const QString url = team.value(QStringLiteral("team/media_url"));
    const QByteArray token = team.value(QStringLiteral("team/media_token")).toLatin1();
    if (url.isEmpty() || token.isEmpty())
        return;
    for (const QString &stored : MediaStore(m_database).keptFiles(conversationId, &error)) {
        const QString name = QFileInfo(stored).fileName();
        if (!resolve(stored).isEmpty() || m_inFlight.contains(name))
            continue;
        m_inFlight.insert(name);
        QNetworkRequest request(QUrl(url + QStringLiteral("/media/") + name));
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token);
        request.setTransferTimeout(30000);
        QNetworkReply *reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, name] {
            reply->deleteLater();
            m_inFlight.remove(name);
            const QByteArray data = reply->readAll();
            // The name is the file's SHA-256: a copy that does not match it is not kept.
            const QString sha = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
            if (reply->error() != QNetworkReply::NoError || !name.startsWith(sha)) {
                Q_EMIT failed(tr("Could not get %1 from the server: %2").arg(name, reply->errorString()));
                return;
            }
            PrivateFiles::secureFolder(m_folder);
            QSaveFile file(QDir(m_folder).filePath(name));
            if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit()) {
                PrivateFiles::secureFile(file.fileName());
                Q_EMIT fetched(file.fileName());
            }
        });
    }
}

} // namespace Mostrador
