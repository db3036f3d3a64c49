#pragma once

#include "apijob.h"

namespace Mostrador {

// Meta's Resumable Upload API, for the business profile photo: opens a session on
// /{app-id}/uploads, sends the bytes to /{upload-id} from file_offset 0 and, when the transfer
// breaks (network, server error), asks the session how much arrived and sends the rest from
// there. The result is a handle to put in profile_picture_handle.
class ResumableUploadJob final : public ApiJob
{
    Q_OBJECT

public:
    ResumableUploadJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent = nullptr);

    void start(const QByteArray &data, const QString &mimeType, const QString &fileName);

    [[nodiscard]] QString handle() const { return m_handle; }
    // How many times the transfer had to resume (for tests and the log).
    [[nodiscard]] int resumes() const { return m_resumes; }

protected:
    void handleReply(QNetworkReply *reply) override;
    bool parseSuccess(const QJsonObject &json) override;

private:
    enum class Stage { Open, Transfer, AskOffset };

    void sendFrom(qint64 offset);
    void askOffset();

    static constexpr int kMaxResumes = 3;
    Stage m_stage = Stage::Open;
    QByteArray m_data;
    QString m_uploadId;
    QString m_handle;
    qint64 m_offset = 0;
    int m_resumes = 0;
};

} // namespace Mostrador
