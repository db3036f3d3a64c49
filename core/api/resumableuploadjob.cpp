#include "resumableuploadjob.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace Mostrador {

ResumableUploadJob::ResumableUploadJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent)
    : ApiJob(network, config, parent)
{
}

void ResumableUploadJob::start(const QByteArray &data, const QString &mimeType, const QString &fileName)
{
    m_data = data;
    m_stage = Stage::Open;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("file_name"), fileName);
    query.addQueryItem(QStringLiteral("file_length"), QString::number(data.size()));
    query.addQueryItem(QStringLiteral("file_type"), mimeType);
    QNetworkRequest request = authorizedRequest(m_config.endpoint(m_config.appId + QStringLiteral("/uploads?") + query.toString(QUrl::FullyEncoded)));
    watch(m_network.post(request, QByteArray()));
}

void ResumableUploadJob::sendFrom(qint64 offset)
{
    m_stage = Stage::Transfer;
    m_offset = offset;
    QNetworkRequest request = authorizedRequest(m_config.endpoint(m_uploadId));
    // This endpoint wants "OAuth", not "Bearer", and where in the file this part starts.
    request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("OAuth ") + m_config.accessToken.toUtf8());
    request.setRawHeader(QByteArrayLiteral("file_offset"), QByteArray::number(offset));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    QNetworkReply *reply = m_network.post(request, m_data.mid(offset));
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total > 0) // Qt reports (0, 0) when a request ends
            Q_EMIT transferProgress(m_offset + sent, m_data.size());
    });
    watch(reply);
}

void ResumableUploadJob::askOffset()
{
    m_stage = Stage::AskOffset;
    QNetworkRequest request = authorizedRequest(m_config.endpoint(m_uploadId));
    request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("OAuth ") + m_config.accessToken.toUtf8());
    watch(m_network.get(request));
}

void ResumableUploadJob::handleReply(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool failed = reply->error() != QNetworkReply::NoError || status >= 400;
    const bool broken = status == 0 || status >= 500; // the network or the server, not the request
    if (m_stage == Stage::Transfer && failed && broken && m_resumes < kMaxResumes) {
        ++m_resumes;
        askOffset();
        return;
    }
    if (failed || m_stage == Stage::Transfer) {
        ApiJob::handleReply(reply); // classifies the error, or reads the handle
        return;
    }
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    if (m_stage == Stage::Open) {
        m_uploadId = json.value(QLatin1String("id")).toString();
        if (m_uploadId.isEmpty()) {
            finishWithError(WireError::network(QStringLiteral("the upload session has no id")));
            return;
        }
        sendFrom(0);
    } else {
        const qint64 offset = json.value(QLatin1String("file_offset")).toVariant().toLongLong();
        sendFrom(qBound<qint64>(0, offset, m_data.size()));
    }
}

bool ResumableUploadJob::parseSuccess(const QJsonObject &json)
{
    m_handle = json.value(QLatin1String("h")).toString();
    return !m_handle.isEmpty();
}

} // namespace Mostrador
