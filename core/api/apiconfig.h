#pragma once

#include <QString>
#include <QUrl>

namespace Mostrador {

// Where and as whom Mostrador talks to the Cloud API. Host and version are settings so tests
// and the demo can point at the sandbox on 127.0.0.1.
struct ApiConfig {
    // The Graph API version Mostrador calls unless told otherwise: v25.0. Meta's versions page
    // (developers.facebook.com/docs/graph-api/changelog/versions) gives it 18 February 2026 to
    // 29 July 2028, so it serves every day of 2027; v23.0, the version of Meta's OpenAPI file the
    // requests are checked against, ends on 8 October 2027, and v26.0 has no end date yet. The
    // calls Mostrador makes (messages, media, templates, block_users, profile) read the same in both.
    static constexpr QLatin1StringView kGraphVersion{"v25.0"};

    QUrl baseUrl = QUrl(QStringLiteral("https://graph.facebook.com"));
    QString apiVersion = kGraphVersion;
    QString accessToken;
    QString phoneNumberId;
    QString wabaId;
    QString appId; // the Meta app: needed only to upload the profile photo

    // baseUrl + "/" + apiVersion + "/" + path, with an optional "?query" part.
    [[nodiscard]] QUrl endpoint(const QString &pathAndQuery) const;

    // Reads MOSTRADOR_GRAPH_URL ("http://127.0.0.1:8123/v25.0" or just the host part),
    // MOSTRADOR_ACCESS_TOKEN, MOSTRADOR_PHONE_NUMBER_ID and MOSTRADOR_WABA_ID.
    [[nodiscard]] static ApiConfig fromEnvironment();

    // Splits "http://host:port/v25.0" into base URL and version (the version part is optional).
    void setGraphUrl(const QString &url);
};

} // namespace Mostrador
