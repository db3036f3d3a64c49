#pragma once

#include "connection/connectionsettings.h"

#include <QWizardPage>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace Mostrador {

class WebhookIngestor;
class WebhookReceiver;

// Where Meta sends the shop's messages: to this computer (Mostrador starts its receiver, shows
// the callback URL and verify token to paste into Meta's dashboard, and shows when Meta's
// verification request and signed events arrive) or to mostrador-server on an always-on machine.
class WebhookPage final : public QWizardPage
{
    Q_OBJECT

public:
    WebhookPage(WebhookIngestor &ingestor, const ConnectionSettings &current, QWidget *parent = nullptr);
    ~WebhookPage() override;

    void initializePage() override;
    void cleanupPage() override;

    // The app secret and verify token the receiver must use (from the previous page).
    void setSecrets(const QByteArray &appSecret, const QString &verifyToken);

    [[nodiscard]] bool receiveHere() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString verifyToken() const;
    // Stops the wizard's receiver (the app starts its own with the saved settings).
    void stopReceiver();

    [[nodiscard]] QString callbackUrls() const;

Q_SIGNALS:
    void verificationArrived(bool accepted);
    void eventsArrived(int count);

private:
    void startReceiver();
    void updateChoice();

    WebhookIngestor &m_ingestor;
    QByteArray m_appSecret;
    QRadioButton *m_here = nullptr;
    QRadioButton *m_server = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_verifyToken = nullptr;
    QPushButton *m_start = nullptr;
    QLabel *m_callback = nullptr;
    QLabel *m_verification = nullptr;
    QLabel *m_events = nullptr;
    QLabel *m_serverHelp = nullptr;
    std::unique_ptr<WebhookReceiver> m_receiver;
    int m_eventCount = 0;
};

} // namespace Mostrador
