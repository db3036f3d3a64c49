#pragma once

#include "api/apitypes.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mostrador {

struct WireError;
class CloudApiClient;
struct ConnectionSettings;

// Checks the values a shop typed against the live API, the way the setup wizard needs: reads
// the phone number's display name and quality, lists the approved templates, and on a problem
// says which value is wrong and where in Meta's dashboard to find the right one.
class ConnectionCheck final : public QObject
{
    Q_OBJECT

public:
    enum class Field { None, AccessToken, PhoneNumberId, WabaId, AppSecret, Network, Other };

    struct Result {
        bool ok = false;
        Field field = Field::None;
        QString problem; // translated, for the user
        PhoneNumberInfo phone;
        QStringList approvedTemplates;
    };

    explicit ConnectionCheck(CloudApiClient &client, QObject *parent = nullptr);

    // What can be told without asking Meta (empty fields, an ID with letters or a +); the first
    // problem found, or nothing.
    [[nodiscard]] static std::optional<Result> checkFormat(const ConnectionSettings &settings, const QString &accessToken,
                                                           const QByteArray &appSecret);

    // Asks the API; finished() follows.
    void start();

Q_SIGNALS:
    void finished(const Mostrador::ConnectionCheck::Result &result);

private:
    enum class Step { Phone, Templates };
    void fail(Step step, const WireError &error);

    CloudApiClient &m_client;
    Result m_result;
};

} // namespace Mostrador
Q_DECLARE_METATYPE(Mostrador::ConnectionCheck::Result)
