#pragma once

#include "connection/connectionsettings.h"

#include <QWizard>

namespace Mostrador {

class CredentialVault;
class CredentialsPage;
class FinishPage;
class WebhookIngestor;
class WebhookPage;

// From "installed" to "connected": what is needed, the values from Meta's dashboard checked live,
// where messages arrive (with Meta's verification seen happening), and the secrets kept safe.
class SetupWizard final : public QWizard
{
    Q_OBJECT

public:
    SetupWizard(WebhookIngestor &ingestor, CredentialVault &vault, const ConnectionSettings &current,
                const ConnectionSecrets &secrets = {}, QWidget *parent = nullptr);

    // What was set up (after accept(); the settings are saved, the secrets in the vault).
    [[nodiscard]] ConnectionSettings settings() const;
    [[nodiscard]] ConnectionSecrets secrets() const;

    [[nodiscard]] CredentialsPage *credentialsPage() const { return m_credentials; }
    [[nodiscard]] WebhookPage *webhookPage() const { return m_webhook; }

    // Off for the demo's tour of the wizard: nothing is saved anywhere.
    void setPersistent(bool persistent);

    void done(int result) override;

    // For the guide's pictures: goes to page `step` (1: the values, checked; 2: where messages
    // arrive, receiving).
    void goToStepForPicture(int step);

private:
    CredentialsPage *m_credentials = nullptr;
    WebhookPage *m_webhook = nullptr;
    FinishPage *m_finish = nullptr;
    bool m_persistent = true;
};

} // namespace Mostrador
