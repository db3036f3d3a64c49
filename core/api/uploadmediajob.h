#pragma once

#include "apijob.h"

namespace Mostrador {

// POST /{phone-number-id}/media as multipart/form-data (file, type, messaging_product).
class UploadMediaJob final : public ApiJob
{
    Q_OBJECT

public:
    UploadMediaJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent = nullptr);

    void start(const QByteArray &data, const QString &mimeType, const QString &fileName);

    [[nodiscard]] QString mediaId() const { return m_mediaId; }

protected:
    bool parseSuccess(const QJsonObject &json) override;

private:
    QString m_mediaId;
};

} // namespace Mostrador
