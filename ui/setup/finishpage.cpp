#include "finishpage.h"

#include "connection/credentialvault.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Mostrador {

FinishPage::FinishPage(CredentialVault &vault, Collect collect, QWidget *parent)
    : QWizardPage(parent)
    , m_vault(vault)
    , m_collect(std::move(collect))
{
    setObjectName(QStringLiteral("finishPage"));
    setTitle(tr("Ready"));
    setSubTitle(tr("Press Finish to keep the access token and app secret in this computer's keychain and start answering."));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("keychainProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_useFile = new QCheckBox(this);
    m_useFile->setObjectName(QStringLiteral("useFile"));
    m_useFile->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(m_useFile);
    layout->addStretch();
}

void FinishPage::initializePage()
{
    const auto [settings, secrets] = m_collect();
    m_summary->setText(tr("Number: phone number ID %1, WhatsApp Business Account %2.\nMessages arrive at: %3.\n"
                          "The access token and app secret go to the keychain; they are never written in settings, logs or exports.")
                           .arg(settings.phoneNumberId, settings.wabaId,
                                settings.receiveHere ? tr("this computer, port %1").arg(settings.receiverPort) : tr("mostrador-server")));
}

void FinishPage::keepSettings()
{
    ConnectionSettings settings = m_collect().first;
    settings.secretsIn = m_savedIn;
    settings.save();
}

bool FinishPage::validatePage()
{
    if (!m_persistent)
        return true;
    const auto [settings, secrets] = m_collect();
    if (m_useFile->isVisible() && m_useFile->isChecked()) {
        const CredentialVault::Outcome saved = m_vault.save(secrets, ConnectionSettings::SecretsIn::File);
        if (!saved.ok) {
            m_problem->setText(QStringLiteral("⚠ ") + saved.userMessage);
            return false;
        }
        m_savedIn = ConnectionSettings::SecretsIn::File;
        keepSettings();
        return true;
    }
    const CredentialVault::Outcome saved = m_vault.save(secrets, ConnectionSettings::SecretsIn::Keychain);
    if (saved.ok) {
        m_savedIn = ConnectionSettings::SecretsIn::Keychain;
        keepSettings();
        return true;
    }
    m_problem->setText(QStringLiteral("⚠ ") + tr("The keychain could not keep them: %1").arg(saved.userMessage));
    m_useFile->setText(tr("Keep them instead in a file only my user can read (%1). Less safe: anyone who uses this account "
                          "or copies the file can send messages as the shop.")
                           .arg(m_vault.fallbackPath()));
    m_problem->show();
    m_useFile->show();
    return false;
}

} // namespace Mostrador
