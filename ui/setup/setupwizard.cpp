#include "setupwizard.h"

#include "credentialspage.h"
#include "finishpage.h"
#include "webhookpage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

QWizardPage *introPage(QWidget *parent)
{
    auto *page = new QWizardPage(parent);
    page->setObjectName(QStringLiteral("introPage"));
    page->setTitle(SetupWizard::tr("Connect your WhatsApp Business number"));
    auto *text = new QLabel(SetupWizard::tr(
        "Mostrador talks to WhatsApp through Meta's official Cloud API. You need, once:\n\n"
        "1. A Meta developer account and an app of type Business with the WhatsApp product "
        "(developers.facebook.com ▸ My apps ▸ Create app).\n"
        "2. Your shop's number added in WhatsApp ▸ API Setup (a number not in use in the WhatsApp app).\n"
        "3. A permanent access token from a system user (Business settings ▸ Users ▸ System users).\n\n"
        "The next pages say where to find each value. Nothing is sent to customers while you set up."), page);
    text->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(text);
    layout->addStretch();
    return page;
}

} // namespace

SetupWizard::SetupWizard(WebhookIngestor &ingestor, CredentialVault &vault, const ConnectionSettings &current,
                         const ConnectionSecrets &secrets, QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Connect my number"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    m_credentials = new CredentialsPage(current, secrets, this);
    m_webhook = new WebhookPage(ingestor, current, this);
    m_webhook->setSecrets(secrets.appSecret, secrets.verifyToken);
    connect(m_credentials, &CredentialsPage::checked, this, [this] {
        const ConnectionSecrets typed = m_credentials->secrets();
        m_webhook->setSecrets(typed.appSecret, {});
    });
    m_finish = new FinishPage(vault, [this] { return std::pair{this->settings(), this->secrets()}; }, this);
    addPage(introPage(this));
    addPage(m_credentials);
    addPage(m_webhook);
    addPage(m_finish);
    resize(820, 640);
}

ConnectionSettings SetupWizard::settings() const
{
    ConnectionSettings result = m_credentials->settings();
    result.receiveHere = m_webhook->receiveHere();
    result.receiverPort = m_webhook->port();
    result.secretsIn = m_finish->savedIn();
    return result;
}

ConnectionSecrets SetupWizard::secrets() const
{
    ConnectionSecrets result = m_credentials->secrets();
    result.verifyToken = m_webhook->verifyToken();
    return result;
}

void SetupWizard::setPersistent(bool persistent)
{
    m_persistent = persistent;
    m_finish->setPersistent(persistent);
}

void SetupWizard::done(int result)
{
    // QWizard::done validates the last page (which keeps the secrets and the settings) first.
    QWizard::done(result);
    if (!isVisible())
        m_webhook->stopReceiver(); // the app starts its own receiver with what was saved
}

void SetupWizard::goToStepForPicture(int step)
{
    if (step >= 1) {
        next();
        m_credentials->check();
    }
    if (step >= 2) {
        connect(m_credentials, &CredentialsPage::checked, this, [this](bool ok) {
            if (ok && currentPage() == m_credentials) {
                next();
                m_webhook->findChild<QPushButton *>(QStringLiteral("startReceiver"))->click();
            }
        });
    }
}

} // namespace Mostrador
