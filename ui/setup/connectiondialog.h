#pragma once

#include "connection/connectioncheck.h"
#include "connection/connectionsettings.h"

#include <QDateTime>
#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;

namespace Mostrador {

class CloudApiClient;

// Shop ▸ Connection: whether Meta's API answers, where messages arrive and when the last one
// came, where the secrets are kept, what is known of the token's expiry; set up again or
// disconnect.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Receiving {
        quint16 port = 0;          // 0: this computer is not receiving
        QDateTime lastWebhookAt;   // invalid: none since Mostrador started
    };

    ConnectionDialog(const ConnectionSettings &settings, CloudApiClient &client, const Receiving &receiving,
                     QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void checkApi();
    // Coexistence: how far the WhatsApp Business app's history has come, and whether it can
    // still be asked for (once per number).
    void setAppSync(const QString &status, bool canAsk);

Q_SIGNALS:
    void appSyncRequested();
    void setupRequested();
    void disconnectRequested();
    void apiChecked(bool ok);

private:
    CloudApiClient &m_client;
    QLabel *m_api = nullptr;
    QLabel *m_appSync = nullptr;
    QPushButton *m_askAppSync = nullptr;
    std::unique_ptr<ConnectionCheck> m_check;
};

} // namespace Mostrador
