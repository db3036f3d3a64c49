#pragma once

#include "apiconfig.h"
#include "messaging/wireerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <optional>

class QHttpMultiPart;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Mostrador {

// One Cloud API call. Callers connect to finished(), then read either the typed result of the
// subclass or error(); they never see the QNetworkReply. A job deletes itself after finished().
class ApiJob : public QObject
{
    Q_OBJECT

public:
    // "Mostrador/0.1.0": how every request names its client (Meta's spec: name/1.2.3).
    [[nodiscard]] static QByteArray userAgent();

    ~ApiJob() override;

    [[nodiscard]] bool succeeded() const { return m_done && !m_error; }
    [[nodiscard]] const std::optional<WireError> &error() const { return m_error; }
    [[nodiscard]] const QJsonObject &response() const { return m_response; }

Q_SIGNALS:
    void finished(Mostrador::ApiJob *job);
    // Bytes moved so far for uploads and downloads; total is -1 when unknown.
    void transferProgress(qint64 done, qint64 total);
    // The request was written out in full: from now on the other end may have it.
    void requestWritten();

protected:
    ApiJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent);

    enum class Verb { Get, Post, Delete };

    void sendJson(Verb verb, const QString &path, const QJsonObject &body = {});
    void sendMultipart(const QString &path, QHttpMultiPart *parts);
    [[nodiscard]] QNetworkRequest authorizedRequest(const QUrl &url) const;
    void watch(QNetworkReply *reply);

    // Reads the success body into the subclass's typed result. Returning false turns the answer
    // into an InvalidRequest error ("unexpected answer").
    virtual bool parseSuccess(const QJsonObject &json);

    // For jobs that do not answer JSON (downloads).
    virtual void handleReply(QNetworkReply *reply);

    void finishWithError(WireError error);
    void finishWithSuccess();

    QNetworkAccessManager &m_network;
    ApiConfig m_config;

private:
    std::optional<WireError> m_error;
    QJsonObject m_response;
    bool m_done = false;
};

// A plain JSON call whose result is the JSON itself.
class GraphJob final : public ApiJob
{
    Q_OBJECT

public:
    GraphJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent = nullptr);

    void get(const QString &path);
    void post(const QString &path, const QJsonObject &body);
    void remove(const QString &path, const QJsonObject &body = {});
};

} // namespace Mostrador
