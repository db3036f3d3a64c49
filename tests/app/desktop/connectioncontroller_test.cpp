// The desktop's live connection, as the app runs it: saved settings and secrets, the API client
// pointed at them, the receiver on the saved port, the Connection window, and disconnecting.
#include "connectioncontroller.h"
#include "loopbackhttpserver.h"

#include "api/cloudapiclient.h"
#include "connection/credentialvault.h"
#include "i18n/languagecontroller.h"
#include "mainwindow/mainwindow.h"
#include "qtprinting.h"
#include "setup/connectiondialog.h"
#include "services/shopservices.h"
#include "wireloop.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {


class ConnectionControllerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        languages.apply(QStringLiteral("en"));
        QString error;
        shop = ShopServices::open(StoreLocation::parse(folder.filePath(QStringLiteral("shop.db"))), ApiConfig{},
                                 folder.filePath(QStringLiteral("media")), ShopServices::Runner::ThisComputer, &error);
        ASSERT_NE(shop, nullptr) << error.toStdString();
        window = std::make_unique<MainWindow>(languages);
        saved.phoneNumberId = sandbox.sandbox->settings().business.phoneNumberId;
        saved.wabaId = sandbox.sandbox->settings().business.wabaId;
        saved.graphUrl = sandbox.sandbox->baseUrl().toString() + (QLatin1Char('/') + ApiConfig::kGraphVersion);
        saved.receiverPort = freeLoopbackPort();
        saved.secretsIn = ConnectionSettings::SecretsIn::File;
        secrets = {QLatin1String(WireLoop::kToken), WireLoop::kSecret, QStringLiteral("mostrador-verify")};
    }
    void TearDown() override { QSettings().clear(); }

    LanguageController languages;
    QTemporaryDir folder;
    WireLoop sandbox; // its sandbox plays Meta; the shop below has a store of its own
    std::unique_ptr<ShopServices> shop;
    std::unique_ptr<MainWindow> window;
    CredentialVault vault{QStringLiteral("unused"), folder.filePath(QStringLiteral("credentials.json"))};
    ConnectionSettings saved;
    ConnectionSecrets secrets;
};

} // namespace

TEST_F(ConnectionControllerTest, ASavedConnectionIsResumedAndMessagesArriveHere)
{
    saved.save();
    ASSERT_TRUE(vault.save(secrets, ConnectionSettings::SecretsIn::File).ok);
    ConnectionController connection(*shop, *window, vault);
    QString problem;
    ASSERT_TRUE(connection.resume(&problem)) << problem.toStdString();
    EXPECT_TRUE(connection.isConnected());
    EXPECT_TRUE(connection.isReceiving());
    EXPECT_EQ(connection.description(), QStringLiteral("Connected: receiving messages on port %1.").arg(saved.receiverPort));
    EXPECT_EQ(shop->client().config().accessToken, secrets.accessToken);

    // Meta (the sandbox) delivers a signed message to the saved port: it lands in this store.
    sandbox.sandbox->setWebhookUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(saved.receiverPort)));
    sandbox.sandbox->customerSends(QStringLiteral("573001112233"), QStringLiteral("text"), {{QStringLiteral("body"), QStringLiteral("¿Abren hoy?")}});
    ASSERT_TRUE(QTest::qWaitFor([&] { return scalar(shop->database(), QStringLiteral("SELECT COUNT(*) FROM messages")).toInt() == 1; }, 5000));

    auto *status = qobject_cast<ConnectionDialog *>(connection.showStatus());
    ASSERT_NE(status, nullptr);
    QSignalSpy checked(status, &ConnectionDialog::apiChecked);
    ASSERT_TRUE(checked.wait(5000));
    EXPECT_TRUE(checked.first().first().toBool());
    EXPECT_TRUE(status->findChild<QLabel *>(QStringLiteral("apiStatus"))->text().startsWith(QStringLiteral("✓ Answers")));
    EXPECT_TRUE(status->findChild<QLabel *>(QStringLiteral("receiving"))->text().contains(QStringLiteral("Last message or status from Meta")));
    status->close();

    connection.disconnectNumber();
    EXPECT_FALSE(connection.isConnected());
    EXPECT_FALSE(ConnectionSettings::load().isConfigured());
    EXPECT_FALSE(QFile::exists(vault.fallbackPath())) << "the secrets are forgotten";
    EXPECT_EQ(scalar(shop->database(), QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 1) << "the history stays";
}

TEST_F(ConnectionControllerTest, ProblemsAreSaidPlainly)
{
    saved.save();
    ConnectionController connection(*shop, *window, vault);
    QString problem;
    EXPECT_FALSE(connection.resume(&problem)) << "no secrets were kept";
    EXPECT_TRUE(problem.startsWith(QStringLiteral("Could not read the access token: The credentials file"))) << problem.toStdString();

    ASSERT_TRUE(vault.save(secrets, ConnectionSettings::SecretsIn::File).ok);
    QTcpServer squatter;
    ASSERT_TRUE(squatter.listen(QHostAddress::Any, saved.receiverPort));
    EXPECT_FALSE(connection.resume(&problem));
    EXPECT_TRUE(problem.startsWith(QStringLiteral("Port %1 is in use by another program").arg(saved.receiverPort))) << problem.toStdString();
    EXPECT_TRUE(connection.isConnected()) << "sending still works; only receiving here does not";
}
