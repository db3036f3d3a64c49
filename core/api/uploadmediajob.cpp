#include "uploadmediajob.h"

#include <QHttpMultiPart>
#include <QNetworkReply>

namespace Mostrador {

UploadMediaJob::UploadMediaJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent)
    : ApiJob(network, config, parent)
{
}

void UploadMediaJob::start(const QByteArray &data, const QString &mimeType, const QString &fileName)
{
    auto *parts = new QHttpMultiPart(QHttpMultiPart::FormDataType);

    QHttpPart product;
    product.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArrayLiteral("form-data; name=\"messaging_product\""));
    product.setBody(QByteArrayLiteral("whatsapp"));
    parts->append(product);

    QHttpPart type;
    type.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArrayLiteral("form-data; name=\"type\""));
    type.setBody(mimeType.toUtf8());
    parts->append(type);

    QHttpPart file;
    QString safeName = fileName;
    safeName.remove(QLatin1Char('"'));
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray(QByteArrayLiteral("form-data; name=\"file\"; filename=\"") + safeName.toUtf8() + "\""));
    file.setHeader(QNetworkRequest::ContentTypeHeader, mimeType.toUtf8());
    file.setBody(data);
    parts->append(file);

    sendMultipart(m_config.phoneNumberId + QStringLiteral("/media"), parts);
}

bool UploadMediaJob::parseSuccess(const QJsonObject &json)
{
    m_mediaId = json.value(QLatin1String("id")).toString();
    return !m_mediaId.isEmpty();
}

} // namespace Mostrador
