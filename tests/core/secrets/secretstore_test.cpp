#include "secrets/secretstore.h"

#include <QUuid>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace std::chrono_literals;

namespace {

// scripts/test runs the suite inside a throwaway D-Bus session with an unlocked
// gnome-keyring and says so in MOSTRADOR_TEST_KEYRING; elsewhere these tests skip.
bool haveTestKeyring()
{
    return qEnvironmentVariable("MOSTRADOR_TEST_KEYRING") == QLatin1String("1");
}

QString uniqueService()
{
    return QStringLiteral("mostrador-test-") + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

// First in this file on purpose: Qt caches the session bus connection, so this test must run
// before any other test of the process has connected to the real bus (ctest runs each test in
// a process of its own anyway).
TEST(SecretStore, NoKeychainServiceIsReportedNotHidden)
{
    // Point D-Bus at nothing: the keychain is unreachable, and the answer must say so quickly
    // instead of hanging or pretending to have stored the secret.
    const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mostrador-test-bus");
    SecretStore store(uniqueService());
    store.setTimeout(5s);
    const SecretResult result = store.write(QStringLiteral("access-token"), QStringLiteral("secret"));
    if (saved.isNull())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        qputenv("DBUS_SESSION_BUS_ADDRESS", saved);

    EXPECT_FALSE(result.ok());
    EXPECT_FALSE(result.userMessage.isEmpty());
}

TEST(SecretStore, RoundTripsThroughTheRealKeyring)
{
    if (!haveTestKeyring())
        GTEST_SKIP() << "no test keyring in this run (scripts/test provides one)";
    SecretStore store(uniqueService());
    const QString token = QStringLiteral("EAAG-test-token-ñ-✓");

    const SecretResult written = store.write(QStringLiteral("access-token"), token);
    ASSERT_TRUE(written.ok()) << qPrintable(written.detail);

    const SecretResult read = store.read(QStringLiteral("access-token"));
    ASSERT_TRUE(read.ok()) << qPrintable(read.detail);
    EXPECT_EQ(read.value, token);

    ASSERT_TRUE(store.remove(QStringLiteral("access-token")).ok());
    const SecretResult gone = store.read(QStringLiteral("access-token"));
    EXPECT_EQ(gone.status, SecretResult::Status::NotFound);
    EXPECT_FALSE(gone.userMessage.isEmpty());
}

TEST(SecretStore, MissingKeyIsNotFoundWithAPlainMessage)
{
    if (!haveTestKeyring())
        GTEST_SKIP() << "no test keyring in this run (scripts/test provides one)";
    SecretStore store(uniqueService());
    const SecretResult result = store.read(QStringLiteral("never-written"));
    EXPECT_EQ(result.status, SecretResult::Status::NotFound);
    EXPECT_TRUE(result.value.isEmpty());
}
