#pragma once

#include "connection/connectioncheck.h"
#include "connection/connectionsettings.h"

#include <QWizardPage>

#include <memory>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Mostrador {

class CloudApiClient;

// The values from Meta's dashboard, each with where to find it, checked live with "Check with
// Meta": the page is complete only once the values as typed have passed.
class CredentialsPage final : public QWizardPage
{
    Q_OBJECT

public:
    // `current.graphUrl`: where the API is (empty for Meta's; the sandbox's in tests).
    CredentialsPage(const ConnectionSettings &current, const ConnectionSecrets &secrets, QWidget *parent = nullptr);
    ~CredentialsPage() override;

    [[nodiscard]] bool isComplete() const override;

    [[nodiscard]] ConnectionSettings settings() const;
    [[nodiscard]] ConnectionSecrets secrets() const;
    [[nodiscard]] const ConnectionCheck::Result &lastCheck() const { return m_result; }

    void check();

Q_SIGNALS:
    void checked(bool ok);

private:
    QLineEdit *addField(const QString &label, const QString &where, const char *name, bool secret);
    void showResult(const ConnectionCheck::Result &result);
    void invalidate();

    ConnectionSettings m_base;
    QLineEdit *m_phoneNumberId = nullptr;
    QLineEdit *m_wabaId = nullptr;
    QLineEdit *m_accessToken = nullptr;
    QLineEdit *m_appSecret = nullptr;
    QLineEdit *m_appId = nullptr;
    QPushButton *m_check = nullptr;
    QLabel *m_resultLabel = nullptr;
    QFormLayout *m_form = nullptr;
    ConnectionCheck::Result m_result;
    bool m_passed = false;
    std::unique_ptr<CloudApiClient> m_client;
    std::unique_ptr<ConnectionCheck> m_checker;
};

} // namespace Mostrador
