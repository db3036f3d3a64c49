#pragma once

#include "apijob.h"
#include "apitypes.h"

#include <QCryptographicHash>

#include <memory>

class QSaveFile;

namespace Mostrador {

// Fetches a media file: GET /{media-id} for its short-lived URL, then GET that URL with the
// access token, written to `destination` only if the SHA-256 matches what WhatsApp announced.
class DownloadMediaJob final : public ApiJob
{
    Q_OBJECT

public:
    DownloadMediaJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent = nullptr);
    ~DownloadMediaJob() override;

    // `expectedSha256` may be empty (then the API's own announced hash is used).
    void start(const QString &mediaId, const QString &expectedSha256, const QString &destination);

    [[nodiscard]] const MediaInfo &info() const { return m_info; }
    [[nodiscard]] QString filePath() const { return m_destination; }
    [[nodiscard]] QString sha256() const { return m_actualSha256; }

protected:
    bool parseSuccess(const QJsonObject &json) override;
    void handleReply(QNetworkReply *reply) override;

private:
    void fetchFile();
    void finishFile(QNetworkReply *reply);

    QString m_expectedSha256;
    QString m_destination;
    QString m_actualSha256;
    MediaInfo m_info;
    bool m_fetchingFile = false;
    std::unique_ptr<QSaveFile> m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

} // namespace Mostrador
