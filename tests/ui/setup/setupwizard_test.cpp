// The setup wizard driven as a shop owner would, against the sandbox on 127.0.0.1: good values,
// each kind of bad value and what it says, Meta's verification and signed events arriving, and
// the secrets kept in the keychain or, when there is none, in a file only by explicit choice.
#include "setup/setupwizard.h"
#include "widgetlookup.h"
#include "loopbackhttpserver.h"

#include "connection/credentialvault.h"
#include "qtprinting.h"
#include "setup/credentialspage.h"
#include "setup/firstrundialog.h"
#include "setup/webhookpage.h"
#include "webhook/signature.h"
#include "wireloop.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QStandardPaths>
#include <QCommandLinkButton>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QScopeGuard>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
using namespace std::chrono_literals;

namespace {



class SetupWizardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        current.graphUrl = loop.sandbox->baseUrl().toString() + (QLatin1Char('/') + ApiConfig::kGraphVersion);
        current.receiverPort = freeLoopbackPort();
    }
    void TearDown() override { QSettings().clear(); }

    // Types the values on the credentials page and presses Check; returns what it said.
    QString checkWith(SetupWizard &wizard, const QString &phone, const QString &waba, const QString &token, const QString &secret)
    {
        CredentialsPage *page = wizard.credentialsPage();
        child<QLineEdit>(*page, "phoneNumberId")->setText(phone);
        child<QLineEdit>(*page, "wabaId")->setText(waba);
        child<QLineEdit>(*page, "accessToken")->setText(token);
        child<QLineEdit>(*page, "appSecret")->setText(secret);
        QSignalSpy checked(page, &CredentialsPage::checked);
        child<QPushButton>(*page, "checkButton")->click();
        EXPECT_TRUE(checked.count() == 1 || checked.wait(5000));
        return child<QLabel>(*page, "checkResult")->text();
    }

    WireLoop loop;
    ConnectionSettings current;
    QTemporaryDir folder;
    const QString phone = loop.sandbox->settings().business.phoneNumberId;
    const QString waba = loop.sandbox->settings().business.wabaId;
    const QString token = QLatin1String(WireLoop::kToken);
    const QString secret = QLatin1String(WireLoop::kSecret);
};

} // namespace

// First in this file: it points D-Bus at nothing before anything else in the process uses it.
TEST_F(SetupWizardTest, WithoutAKeychainTheFileIsOfferedAndOnlyUsedWhenChosen)
{
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mostrador-test-bus");
    const auto restoreBus = qScopeGuard([&bus] {
        if (bus.isNull())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    });
    CredentialVault vault(QStringLiteral("mostrador-test-") + QUuid::createUuid().toString(QUuid::Id128),
                          folder.filePath(QStringLiteral("credentials.json")));
    vault.setTimeout(5s);
    SetupWizard wizard(*loop.ingestor, vault, current);
    wizard.show();
    wizard.next();
    ASSERT_TRUE(checkWith(wizard, phone, waba, token, secret).startsWith(QStringLiteral("✓")));
    wizard.next();
    child<QRadioButton>(*wizard.webhookPage(), "receiveOnServer")->setChecked(true);
    wizard.next();
    ASSERT_EQ(wizard.currentId(), 3);

    wizard.next(); // Finish: the keychain is not there
    EXPECT_EQ(wizard.currentId(), 3) << "not finished: the user must choose";
    auto *useFile = child<QCheckBox>(*wizard.currentPage(), "useFile");
    EXPECT_TRUE(useFile->isVisible());
    EXPECT_TRUE(child<QLabel>(*wizard.currentPage(), "keychainProblem")->text().startsWith(QStringLiteral("⚠ The keychain could not keep them")));
    EXPECT_FALSE(QFile::exists(vault.fallbackPath())) << "never a silent fallback";

    useFile->setChecked(true);
    QSignalSpy finished(&wizard, &QDialog::finished);
    wizard.button(QWizard::FinishButton)->click();
    ASSERT_EQ(finished.count(), 1);
    EXPECT_EQ(wizard.result(), QDialog::Accepted);
    const ConnectionSettings saved = ConnectionSettings::load();
    EXPECT_EQ(saved.phoneNumberId, phone);
    EXPECT_FALSE(saved.receiveHere);
    EXPECT_EQ(saved.secretsIn, ConnectionSettings::SecretsIn::File);
    QString problem;
    const auto secrets = vault.load(ConnectionSettings::SecretsIn::File, &problem);
    ASSERT_TRUE(secrets) << problem.toStdString();
    EXPECT_EQ(secrets->accessToken, token);
    EXPECT_TRUE(secrets->verifyToken.startsWith(QStringLiteral("mostrador-")));
}

TEST_F(SetupWizardTest, EachKindOfBadValueSaysWhatToFix)
{
    CredentialVault vault(QStringLiteral("unused"), folder.filePath(QStringLiteral("credentials.json")));
    SetupWizard wizard(*loop.ingestor, vault, current);
    wizard.show();
    wizard.next();
    EXPECT_FALSE(wizard.button(QWizard::NextButton)->isEnabled()) << "nothing checked yet";

    EXPECT_EQ(checkWith(wizard, QStringLiteral("+57 300 111 2233"), waba, token, secret),
              QStringLiteral("⚠ The phone number ID is a long number such as 106540352242922 (WhatsApp ▸ API Setup), not the phone number itself."));
    EXPECT_TRUE(checkWith(wizard, phone, waba, QStringLiteral("EAAG-expired-0000000000000000"), secret)
                    .startsWith(QStringLiteral("⚠ Meta does not accept this access token")));
    EXPECT_EQ(checkWith(wizard, QStringLiteral("999999999999999"), waba, token, secret),
              QStringLiteral("⚠ No phone number with ID 999999999999999 can be reached with this token. Copy the Phone number ID "
                             "from WhatsApp ▸ API Setup."));
    EXPECT_TRUE(checkWith(wizard, phone, QStringLiteral("888888888888888"), token, secret)
                    .startsWith(QStringLiteral("⚠ No WhatsApp Business Account with ID 888888888888888")));
    EXPECT_EQ(checkWith(wizard, phone, waba, token, QString()),
              QStringLiteral("⚠ Paste the app secret (App settings ▸ Basic ▸ App secret, after Show)."));
    EXPECT_FALSE(wizard.button(QWizard::NextButton)->isEnabled());

    const QString good = checkWith(wizard, phone, waba, token, secret);
    EXPECT_TRUE(good.startsWith(QStringLiteral("✓ Connected to Casa Nube (+576017654321), quality GREEN. Approved templates:")))
        << good.toStdString();
    EXPECT_TRUE(wizard.button(QWizard::NextButton)->isEnabled());
    child<QLineEdit>(*wizard.credentialsPage(), "accessToken")->setText(token + QLatin1Char('x'));
    EXPECT_FALSE(wizard.button(QWizard::NextButton)->isEnabled()) << "a changed value must be checked again";
}

TEST_F(SetupWizardTest, ShowsMetasVerificationAndSignedEventsArriving)
{
    CredentialVault vault(QStringLiteral("unused"), folder.filePath(QStringLiteral("credentials.json")));
    SetupWizard wizard(*loop.ingestor, vault, current);
    wizard.show();
    wizard.next();
    ASSERT_TRUE(checkWith(wizard, phone, waba, token, secret).startsWith(QStringLiteral("✓")));
    wizard.next();
    WebhookPage *page = wizard.webhookPage();
    const QString verifyToken = child<QLineEdit>(*page, "verifyToken")->text();
    EXPECT_TRUE(verifyToken.startsWith(QStringLiteral("mostrador-"))) << "a verify token is proposed";
    child<QPushButton>(*page, "startReceiver")->click();
    EXPECT_TRUE(child<QLabel>(*page, "callbackUrl")->text().contains(QStringLiteral(":%1/webhook").arg(current.receiverPort)));

    QNetworkAccessManager network;
    const auto get = [&](const QString &token) {
        QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook?hub.mode=subscribe&hub.verify_token=%2&hub.challenge=42")
                                                                     .arg(current.receiverPort).arg(token))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        EXPECT_TRUE(done.wait(5000));
        reply->deleteLater();
    };
    get(QStringLiteral("wrong"));
    EXPECT_TRUE(child<QLabel>(*page, "verificationStatus")->text().contains(QStringLiteral("was refused")));
    get(verifyToken);
    EXPECT_TRUE(child<QLabel>(*page, "verificationStatus")->text().startsWith(QStringLiteral("✓ Meta's verification request arrived")));

    // Meta's first event, signed with the app secret typed on the previous page.
    loop.sandbox->setWebhookUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(current.receiverPort)));
    QSignalSpy events(page, &WebhookPage::eventsArrived);
    loop.sandbox->customerSends(QStringLiteral("573001112233"), QStringLiteral("text"), {{QStringLiteral("body"), QStringLiteral("Hola")}});
    ASSERT_TRUE(events.wait(5000));
    EXPECT_TRUE(child<QLabel>(*page, "eventStatus")->text().startsWith(QStringLiteral("✓ Signed events are flowing: 1 received")))
        << child<QLabel>(*page, "eventStatus")->text().toStdString();
}

TEST(FirstRunDialog, OffersTheDemoOrConnectingTheNumber)
{
    FirstRunDialog welcome;
    welcome.show();
    welcome.findChild<QCommandLinkButton *>(QStringLiteral("connectNumber"))->click();
    EXPECT_EQ(welcome.choice(), FirstRunDialog::Choice::Connect);
    FirstRunDialog other;
    other.show();
    other.findChild<QCommandLinkButton *>(QStringLiteral("tryDemo"))->click();
    EXPECT_EQ(other.choice(), FirstRunDialog::Choice::Demo);
}

TEST_F(SetupWizardTest, WithTheKeychainNothingSecretIsWrittenToAnyFile)
{
    if (qEnvironmentVariable("MOSTRADOR_TEST_KEYRING") != QLatin1String("1"))
        GTEST_SKIP() << "no test keyring in this run (scripts/test provides one)";
    CredentialVault vault(QStringLiteral("mostrador-test-") + QUuid::createUuid().toString(QUuid::Id128),
                          folder.filePath(QStringLiteral("credentials.json")));
    SetupWizard wizard(*loop.ingestor, vault, current);
    wizard.show();
    wizard.next();
    ASSERT_TRUE(checkWith(wizard, phone, waba, token, secret).startsWith(QStringLiteral("✓")));
    wizard.next();
    wizard.next();
    wizard.button(QWizard::FinishButton)->click();
    ASSERT_EQ(wizard.result(), QDialog::Accepted);
    EXPECT_EQ(ConnectionSettings::load().secretsIn, ConnectionSettings::SecretsIn::Keychain);
    EXPECT_FALSE(QFile::exists(vault.fallbackPath()));
    for (const auto location : {QStandardPaths::AppLocalDataLocation, QStandardPaths::AppConfigLocation, QStandardPaths::GenericConfigLocation}) {
        QDirIterator files(QStandardPaths::writableLocation(location), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            ASSERT_TRUE(!file.open(QIODevice::ReadOnly) || !file.readAll().contains(token.toUtf8())) << qPrintable(file.fileName());
        }
    }
    QString problem;
    const auto kept = vault.load(ConnectionSettings::SecretsIn::Keychain, &problem);
    ASSERT_TRUE(kept) << problem.toStdString();
    EXPECT_EQ(kept->accessToken, token);
    vault.forget();
}
