#pragma once

#include "connection/connectionsettings.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QDialog;

namespace Mostrador {

class CredentialVault;
class MainWindow;
class ShopServices;
class WebhookReceiver;

// The desktop's live link to the shop's number: reads the saved connection (secrets from the
// vault, time-boxed), points the API client at it, runs the webhook receiver when this computer
// receives, and opens the setup wizard and the Connection window.
class AppHistorySync;

class ConnectionController final : public QObject
{
    Q_OBJECT

public:
    ConnectionController(ShopServices &shop, MainWindow &window, CredentialVault &vault, QObject *parent = nullptr);
    ~ConnectionController() override;

    // Connects with what was saved, if anything; on a problem (keychain locked, port taken)
    // returns false with a sentence for the status bar.
    bool resume(QString *problem);

    [[nodiscard]] bool isConnected() const { return m_connected; }
    [[nodiscard]] bool isReceiving() const;
    // For the status bar: connected or not, and where messages arrive.
    [[nodiscard]] QString description() const;

    QDialog *runSetup();
    QDialog *showStatus();
    void disconnectNumber();
    // Coexistence: the Connection window offers to bring the WhatsApp Business app's history.
    void setAppSync(AppHistorySync *sync) { m_appSync = sync; }

Q_SIGNALS:
    void changed();

private:
    bool apply(const ConnectionSettings &settings, const ConnectionSecrets &secrets, QString *problem);

    ShopServices &m_shop;
    AppHistorySync *m_appSync = nullptr;
    MainWindow &m_window;
    CredentialVault &m_vault;
    ConnectionSettings m_settings;
    bool m_connected = false;
    QString m_problem;
    std::unique_ptr<WebhookReceiver> m_receiver;
};

} // namespace Mostrador
