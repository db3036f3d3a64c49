#pragma once

#include "api/apiconfig.h"

#include <QByteArray>
#include <QString>

namespace Mostrador {

// The shop's WhatsApp number as this desktop uses it. Only what is not secret lives here (in the
// user's settings); the access token, app secret and verify token are ConnectionSecrets, kept by
// CredentialVault.
struct ConnectionSettings {
    enum class SecretsIn {
        Keychain, // the operating system's keychain (the normal case)
        File,     // a file only this user can read, chosen explicitly when there is no keychain
    };

    QString phoneNumberId;
    QString wabaId;
    QString appId;         // optional: only the profile photo upload needs it
    QString graphUrl;      // empty for graph.facebook.com; another host for the sandbox
    bool receiveHere = true; // this PC receives Meta's webhooks (else mostrador-server does)
    quint16 receiverPort = 8080;
    SecretsIn secretsIn = SecretsIn::Keychain;

    [[nodiscard]] bool isConfigured() const { return !phoneNumberId.isEmpty(); }
    [[nodiscard]] ApiConfig apiConfig(const QString &accessToken) const;

    // From and to the user's settings (QSettings, group "connection").
    [[nodiscard]] static ConnectionSettings load();
    void save() const;
};

struct ConnectionSecrets {
    QString accessToken;
    QByteArray appSecret;
    QString verifyToken;

    // A new verify token to paste into Meta's dashboard: random, URL-safe.
    [[nodiscard]] static QString proposeVerifyToken();
};

} // namespace Mostrador
