#pragma once

#include "connectionsettings.h"

#include <QString>

#include <chrono>
#include <optional>

namespace Mostrador {

// Keeps the connection's secrets where they belong: the operating system's keychain (every call
// time-boxed), or, only when the user chose it after hearing that the keychain is not available,
// a file only their user can read. Never in the settings, the logs or an export.
class CredentialVault
{
public:
    struct Outcome {
        bool ok = false;
        QString userMessage; // what went wrong, for the user; empty when ok
    };

    explicit CredentialVault(QString service = QStringLiteral("Mostrador"), QString fallbackPath = defaultFallbackPath());

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] QString fallbackPath() const { return m_fallbackPath; }

    Outcome save(const ConnectionSecrets &secrets, ConnectionSettings::SecretsIn where);
    [[nodiscard]] std::optional<ConnectionSecrets> load(ConnectionSettings::SecretsIn where, QString *userMessage);
    // Forgets them in both places (disconnecting the number).
    void forget();

    // In the user's data folder, beside the store.
    [[nodiscard]] static QString defaultFallbackPath();

private:
    Outcome saveToFile(const ConnectionSecrets &secrets);
    [[nodiscard]] std::optional<ConnectionSecrets> loadFromFile(QString *userMessage) const;

    QString m_service;
    QString m_fallbackPath;
    std::chrono::milliseconds m_timeout{std::chrono::seconds(10)};
};

} // namespace Mostrador
