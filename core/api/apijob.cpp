#include "apijob.h"

#include "mostrador/version.h"

#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcApi, "mostrador.api")

namespace {

constexpr int kTransferTimeoutMs = 30000;

std::optional<int> retryAfter(QNetworkReply *reply)
{
    bool ok = false;
    const int seconds = reply->rawHeader(QByteArrayLiteral("Retry-After")).trimmed().toInt(&ok);
    return ok ? std::optional<int>(seconds) : std::nullopt;
}

} // namespace

ApiJob::ApiJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(config)
{
}

ApiJob::~ApiJob() = default;

QByteArray ApiJob::userAgent()
{
    return QByteArray(kApplicationName) + '/' + QByteArray(kVersion);
}

QNetworkRequest ApiJob::authorizedRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_config.accessToken.toUtf8());
    // Meta's spec asks clients to name themselves as name/1.2.3, not as Qt's default browser.
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    return request;
}

void ApiJob::sendJson(Verb verb, const QString &path, const QJsonObject &body)
{
    QNetworkRequest request = authorizedRequest(m_config.endpoint(path));
    QNetworkReply *reply = nullptr;
    switch (verb) {
    case Verb::Get:
        reply = m_network.get(request);
        break;
    case Verb::Post:
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        break;
    case Verb::Delete:
        // Most deletes name what goes in the path; a few (block_users) say it in a body.
        reply = body.isEmpty() ? m_network.deleteResource(request)
                               : m_network.sendCustomRequest(request, QByteArrayLiteral("DELETE"),
                                                             QJsonDocument(body).toJson(QJsonDocument::Compact));
        break;
    }
    watch(reply);
}

void ApiJob::sendMultipart(const QString &path, QHttpMultiPart *parts)
{
    QNetworkReply *reply = m_network.post(authorizedRequest(m_config.endpoint(path)), parts);
    parts->setParent(reply);
    connect(reply, &QNetworkReply::uploadProgress, this, &ApiJob::transferProgress);
    watch(reply);
}

void ApiJob::watch(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::requestSent, this, &ApiJob::requestWritten);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        handleReply(reply);
    });
}

void ApiJob::handleReply(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    m_response = json;

    if (json.contains(QLatin1String("error"))) {
        WireError error = WireError::fromJson(json.value(QLatin1String("error")).toObject(), status);
        error.retryAfterSeconds = retryAfter(reply);
        finishWithError(error);
        return;
    }
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        finishWithError(WireError::network(reply->errorString()));
        return;
    }
    if (status >= 400) {
        WireError error;
        error.httpStatus = status;
        error.category = status == 401   ? WireError::Category::Auth
                         : status == 429 ? WireError::Category::RateLimited
                         : status >= 500 ? WireError::Category::Server
                                         : WireError::Category::InvalidRequest;
        error.message = QStringLiteral("HTTP %1 without an error body").arg(status);
        error.retryAfterSeconds = retryAfter(reply);
        finishWithError(error);
        return;
    }
    if (!parseSuccess(json)) {
        WireError error;
        error.category = WireError::Category::Server;
        error.httpStatus = status;
        error.message = QStringLiteral("unexpected answer from the API");
        finishWithError(error);
        return;
    }
    finishWithSuccess();
}

bool ApiJob::parseSuccess(const QJsonObject &)
{
    return true;
}

void ApiJob::finishWithError(WireError error)
{
    qCWarning(lcApi).noquote() << metaObject()->className() << "failed:" << error.logText();
    m_error = std::move(error);
    m_done = true;
    Q_EMIT finished(this);
    deleteLater();
}

void ApiJob::finishWithSuccess()
{
    m_done = true;
    Q_EMIT finished(this);
    deleteLater();
}

GraphJob::GraphJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent)
    : ApiJob(network, config, parent)
{
}

void GraphJob::get(const QString &path)
{
    sendJson(Verb::Get, path);
}

void GraphJob::post(const QString &path, const QJsonObject &body)
{
    sendJson(Verb::Post, path, body);
}

void GraphJob::remove(const QString &path, const QJsonObject &body)
{
    sendJson(Verb::Delete, path, body);
}

} // namespace Mostrador
