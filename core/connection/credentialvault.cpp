#include "credentialvault.h"

#include "common/privatefiles.h"

#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Mostrador {

namespace {

const QString kAccessToken = QStringLiteral("access-token");
const QString kAppSecret = QStringLiteral("app-secret");
const QString kVerifyToken = QStringLiteral("verify-token");

} // namespace

CredentialVault::CredentialVault(QString service, QString fallbackPath)
    : m_service(std::move(service))
    , m_fallbackPath(std::move(fallbackPath))
{
}

QString CredentialVault::defaultFallbackPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("credentials.json"));
}

CredentialVault::Outcome CredentialVault::save(const ConnectionSecrets &secrets, ConnectionSettings::SecretsIn where)
{
    if (where == ConnectionSettings::SecretsIn::File)
        return saveToFile(secrets);
    SecretStore keychain(m_service);
    keychain.setTimeout(m_timeout);
    for (const auto &[key, value] : {std::pair{kAccessToken, secrets.accessToken},
                                     std::pair{kAppSecret, QString::fromUtf8(secrets.appSecret)},
                                     std::pair{kVerifyToken, secrets.verifyToken}}) {
        const SecretResult result = keychain.write(key, value);
        if (!result.ok())
            return {false, result.userMessage};
    }
    QFile::remove(m_fallbackPath); // moved to the keychain: no copy stays behind
    return {true, {}};
}

std::optional<ConnectionSecrets> CredentialVault::load(ConnectionSettings::SecretsIn where, QString *userMessage)
{
    if (where == ConnectionSettings::SecretsIn::File)
        return loadFromFile(userMessage);
    SecretStore keychain(m_service);
    keychain.setTimeout(m_timeout);
    ConnectionSecrets secrets;
    for (const auto &[key, target] : {std::pair{kAccessToken, &secrets.accessToken}, std::pair{kVerifyToken, &secrets.verifyToken}}) {
        const SecretResult result = keychain.read(key);
        if (!result.ok()) {
            *userMessage = result.userMessage;
            return std::nullopt;
        }
        *target = result.value;
    }
    const SecretResult appSecret = keychain.read(kAppSecret);
    if (!appSecret.ok()) {
        *userMessage = appSecret.userMessage;
        return std::nullopt;
    }
    secrets.appSecret = appSecret.value.toUtf8();
    return secrets;
}

void CredentialVault::forget()
{
    SecretStore keychain(m_service);
    keychain.setTimeout(m_timeout);
    for (const QString &key : {kAccessToken, kAppSecret, kVerifyToken})
        (void)keychain.remove(key);
    QFile::remove(m_fallbackPath);
}

CredentialVault::Outcome CredentialVault::saveToFile(const ConnectionSecrets &secrets)
{
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("access_token"), secrets.accessToken},
                                                      {QStringLiteral("app_secret"), QString::fromUtf8(secrets.appSecret)},
                                                      {QStringLiteral("verify_token"), secrets.verifyToken}})
                                .toJson();
    QDir().mkpath(QFileInfo(m_fallbackPath).absolutePath());
    QSaveFile file(m_fallbackPath);
    // Readable by this user only, from the first byte on (on Windows, where the mode bits mean
    // little, its access list is made the user's alone once written).
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(json) != json.size() || !file.commit() || !PrivateFiles::secureFile(m_fallbackPath)) {
        return {false, QCoreApplication::translate("CredentialVault", "Could not write %1: %2").arg(m_fallbackPath, file.errorString())};
    }
    return {true, {}};
}

std::optional<ConnectionSecrets> CredentialVault::loadFromFile(QString *userMessage) const
{
    QFile file(m_fallbackPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *userMessage = QCoreApplication::translate("CredentialVault", "The credentials file %1 cannot be read: %2. Connect the number again.")
                           .arg(m_fallbackPath, file.errorString());
        return std::nullopt;
    }
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    ConnectionSecrets secrets;
    secrets.accessToken = json.value(QStringLiteral("access_token")).toString();
    secrets.appSecret = json.value(QStringLiteral("app_secret")).toString().toUtf8();
    secrets.verifyToken = json.value(QStringLiteral("verify_token")).toString();
    if (secrets.accessToken.isEmpty()) {
        *userMessage = QCoreApplication::translate("CredentialVault", "The credentials file %1 is damaged. Connect the number again.")
                           .arg(m_fallbackPath);
        return std::nullopt;
    }
    return secrets;
}

} // namespace Mostrador
