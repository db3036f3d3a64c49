#include "downloadmediajob.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QJsonDocument>
#include <QSaveFile>

namespace Mostrador {

namespace {

// WhatsApp writes hashes in hex in some places and base64 in others.
bool sameHash(const QString &announced, const QByteArray &actual)
{
    const QString trimmed = announced.trimmed();
    return trimmed.compare(QString::fromLatin1(actual.toHex()), Qt::CaseInsensitive) == 0
        || trimmed == QString::fromLatin1(actual.toBase64());
}

WireError mediaError(const QString &message)
{
    WireError error;
    error.category = WireError::Category::Media;
    error.message = message;
    return error;
}

} // namespace

DownloadMediaJob::DownloadMediaJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent)
    : ApiJob(network, config, parent)
{
}

DownloadMediaJob::~DownloadMediaJob() = default;

void DownloadMediaJob::start(const QString &mediaId, const QString &expectedSha256, const QString &destination)
{
    m_expectedSha256 = expectedSha256;
    m_destination = destination;
    sendJson(Verb::Get, mediaId);
}

bool DownloadMediaJob::parseSuccess(const QJsonObject &json)
{
    m_info = MediaInfo::fromJson(json);
    return !m_info.url.isEmpty();
}

void DownloadMediaJob::handleReply(QNetworkReply *reply)
{
    if (m_fetchingFile) {
        finishFile(reply);
        return;
    }
    // First step: the JSON answer with the URL. The base class parses it; on success we go on
    // instead of finishing.
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status < 400) {
        const QByteArray body = reply->readAll();
        if (parseSuccess(QJsonDocument::fromJson(body).object())) {
            fetchFile();
            return;
        }
        finishWithError(mediaError(QStringLiteral("the media answer had no URL")));
        return;
    }
    ApiJob::handleReply(reply);
}

void DownloadMediaJob::fetchFile()
{
    m_fetchingFile = true;
    m_file = std::make_unique<QSaveFile>(m_destination);
    if (!m_file->open(QIODevice::WriteOnly)) {
        finishWithError(mediaError(QStringLiteral("cannot write %1: %2").arg(m_destination, m_file->errorString())));
        return;
    }
    QNetworkReply *reply = m_network.get(authorizedRequest(QUrl(m_info.url)));
    connect(reply, &QNetworkReply::downloadProgress, this, &ApiJob::transferProgress);
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        const QByteArray chunk = reply->readAll();
        m_hash.addData(chunk);
        m_file->write(chunk);
    });
    watch(reply);
}

void DownloadMediaJob::finishFile(QNetworkReply *reply)
{
    const QByteArray rest = reply->readAll();
    m_hash.addData(rest);
    m_file->write(rest);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status >= 400) {
        m_file->cancelWriting();
        if (status == 0)
            finishWithError(WireError::network(reply->errorString()));
        else
            finishWithError(mediaError(QStringLiteral("download answered HTTP %1").arg(status)));
        return;
    }
    const QByteArray actual = m_hash.result();
    m_actualSha256 = QString::fromLatin1(actual.toHex());
    const QString announced = m_expectedSha256.isEmpty() ? m_info.sha256 : m_expectedSha256;
    if (!announced.isEmpty() && !sameHash(announced, actual)) {
        m_file->cancelWriting();
        finishWithError(mediaError(QStringLiteral("the file's SHA-256 does not match; it was not saved")));
        return;
    }
    if (!m_file->commit()) {
        finishWithError(mediaError(QStringLiteral("cannot save %1: %2").arg(m_destination, m_file->errorString())));
        return;
    }
    finishWithSuccess();
}

} // namespace Mostrador
