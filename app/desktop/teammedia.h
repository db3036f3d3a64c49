#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QString>

namespace Mostrador {

class Database;

// Team mode on a PC other than the server's: customers' files are fetched by the server, so a
// desktop gets its own copy from the server's /media/ (with the team's token from the shared
// store), checks it against its SHA-256 name and keeps it in a folder of its own.
class TeamMedia final : public QObject
{
    Q_OBJECT

public:
    TeamMedia(Database &database, QString folder, QObject *parent = nullptr);

    // Where a stored file is on this PC: the stored path when this PC has it (the same
    // machine), else the local copy, else nothing yet.
    [[nodiscard]] QString resolve(const QString &storedPath) const;

    // Fetches the files of this conversation this PC does not have.
    void fetchMissing(qint64 conversationId);

Q_SIGNALS:
    void fetched(const QString &localPath);
    void failed(const QString &reason);

private:
    Database &m_database;
    QString m_folder;
    QNetworkAccessManager m_network;
    QSet<QString> m_inFlight;
};

} // namespace Mostrador
