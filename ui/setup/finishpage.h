#pragma once

#include "connection/connectionsettings.h"

#include <QWizardPage>

#include <functional>

class QCheckBox;
class QLabel;

namespace Mostrador {

class CredentialVault;

// The last step: keeps the secrets in the keychain, then the settings. When the keychain cannot take them, says so
// and offers, as an explicit choice, a file only this user can read; never falls back silently.
class FinishPage final : public QWizardPage
{
    Q_OBJECT

public:
    using Collect = std::function<std::pair<ConnectionSettings, ConnectionSecrets>()>;

    FinishPage(CredentialVault &vault, Collect collect, QWidget *parent = nullptr);

    void setPersistent(bool persistent) { m_persistent = persistent; }

    void initializePage() override;
    bool validatePage() override;

    // Where the secrets ended up (valid once the page validated).
    [[nodiscard]] ConnectionSettings::SecretsIn savedIn() const { return m_savedIn; }

private:
    // Only once the secrets are kept: the settings say where.
    void keepSettings();

    CredentialVault &m_vault;
    Collect m_collect;
    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr;
    QCheckBox *m_useFile = nullptr;
    bool m_persistent = true;
    ConnectionSettings::SecretsIn m_savedIn = ConnectionSettings::SecretsIn::Keychain;
};

} // namespace Mostrador
