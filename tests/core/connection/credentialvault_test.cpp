#include "connection/credentialvault.h"

#include "qtprinting.h"

#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace std::chrono_literals;

namespace {

bool haveTestKeyring()
{
    return qEnvironmentVariable("MOSTRADOR_TEST_KEYRING") == QLatin1String("1");
}

ConnectionSecrets shopSecrets()
{
    return {QStringLiteral("EAAGm0PX4ZCps-token-%1").arg(QUuid::createUuid().toString(QUuid::Id128)),
            QUuid::createUuid().toString(QUuid::Id128).toLatin1(), ConnectionSecrets::proposeVerifyToken()};
}

// Every file under the user's data and config folders that contains `needle`.
QStringList filesContaining(const QByteArray &needle)
{
    QStringList found;
    for (const auto location : {QStandardPaths::AppLocalDataLocation, QStandardPaths::AppConfigLocation, QStandardPaths::GenericConfigLocation,
                                QStandardPaths::GenericDataLocation}) {
        QDirIterator files(QStandardPaths::writableLocation(location), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                found << file.fileName();
        }
    }
    found.removeDuplicates();
    return found;
}

} // namespace

// First in this file: it points D-Bus at nothing before anything else in the process uses it
// (ctest runs every test in its own process).
TEST(CredentialVault, WithoutAKeychainSavingFailsPlainlyAndTheFileIsAnExplicitChoice)
{
    const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mostrador-test-bus");
    QTemporaryDir folder;
    CredentialVault vault(QStringLiteral("mostrador-test-") + QUuid::createUuid().toString(QUuid::Id128),
                          folder.filePath(QStringLiteral("credentials.json")));
    vault.setTimeout(5s);
    const ConnectionSecrets secrets = shopSecrets();
    const CredentialVault::Outcome keychain = vault.save(secrets, ConnectionSettings::SecretsIn::Keychain);
    EXPECT_FALSE(keychain.ok);
    EXPECT_FALSE(keychain.userMessage.isEmpty());
    EXPECT_FALSE(QFile::exists(vault.fallbackPath())) << "no silent fallback";

    // The user chose the file after being told.
    ASSERT_TRUE(vault.save(secrets, ConnectionSettings::SecretsIn::File).ok);
    EXPECT_EQ(QFile::permissions(vault.fallbackPath()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
              QFileDevice::Permissions()) << "readable by this user only";
    QString problem;
    const auto loaded = vault.load(ConnectionSettings::SecretsIn::File, &problem);
    ASSERT_TRUE(loaded) << problem.toStdString();
    EXPECT_EQ(loaded->accessToken, secrets.accessToken);
    EXPECT_EQ(loaded->appSecret, secrets.appSecret);
    EXPECT_EQ(loaded->verifyToken, secrets.verifyToken);
    if (saved.isNull())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
}

TEST(CredentialVault, SecretsRoundTripThroughTheKeyringAndNoFileHoldsThem)
{
    if (!haveTestKeyring())
        GTEST_SKIP() << "no test keyring in this run (scripts/test provides one)";
    CredentialVault vault(QStringLiteral("mostrador-test-") + QUuid::createUuid().toString(QUuid::Id128));
    const ConnectionSecrets secrets = shopSecrets();
    ConnectionSettings settings;
    settings.phoneNumberId = QStringLiteral("106540352242922");
    settings.save();
    ASSERT_TRUE(vault.save(secrets, ConnectionSettings::SecretsIn::Keychain).ok);

    QString problem;
    const auto loaded = vault.load(ConnectionSettings::SecretsIn::Keychain, &problem);
    ASSERT_TRUE(loaded) << problem.toStdString();
    EXPECT_EQ(loaded->accessToken, secrets.accessToken);
    EXPECT_EQ(loaded->appSecret, secrets.appSecret);
    EXPECT_EQ(loaded->verifyToken, secrets.verifyToken);
    EXPECT_EQ(filesContaining(secrets.accessToken.toUtf8()), QStringList());
    EXPECT_EQ(filesContaining(secrets.appSecret), QStringList());
    EXPECT_FALSE(filesContaining(QByteArrayLiteral("106540352242922")).isEmpty()) << "the search does look at the settings";
    vault.forget();
    EXPECT_FALSE(vault.load(ConnectionSettings::SecretsIn::Keychain, &problem));
}

TEST(CredentialVault, ADamagedOrMissingFileSaysToConnectAgain)
{
    QTemporaryDir folder;
    CredentialVault vault(QStringLiteral("unused"), folder.filePath(QStringLiteral("credentials.json")));
    QString problem;
    EXPECT_FALSE(vault.load(ConnectionSettings::SecretsIn::File, &problem));
    EXPECT_TRUE(problem.endsWith(QStringLiteral("Connect the number again."))) << problem.toStdString();
    QFile file(vault.fallbackPath());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{not json");
    file.close();
    EXPECT_FALSE(vault.load(ConnectionSettings::SecretsIn::File, &problem));
    EXPECT_TRUE(problem.contains(QStringLiteral("is damaged"))) << problem.toStdString();
}
