#pragma once

#include <QString>
#include <QUrl>

namespace Mostrador {

// Where and as whom Mostrador talks to the Cloud API. Host and version are settings so tests
// and the demo can point at the sandbox on 127.0.0.1.
struct ApiConfig {
    QUrl baseUrl = QUrl(QStringLiteral("https://graph.facebook.com"));
    QString apiVersion = QStringLiteral("v23.0");
    QString accessToken;
    QString phoneNumberId;
    QString wabaId;
    QString appId; // the Meta app: needed only to upload the profile photo

    // baseUrl + "/" + apiVersion + "/" + path, with an optional "?query" part.
    [[nodiscard]] QUrl endpoint(const QString &pathAndQuery) const;

    // Reads MOSTRADOR_GRAPH_URL ("http://127.0.0.1:8123/v23.0" or just the host part),
    // MOSTRADOR_ACCESS_TOKEN, MOSTRADOR_PHONE_NUMBER_ID and MOSTRADOR_WABA_ID.
    [[nodiscard]] static ApiConfig fromEnvironment();

    // Splits "http://host:port/v23.0" into base URL and version (the version part is optional).
    void setGraphUrl(const QString &url);
};

} // namespace Mostrador
