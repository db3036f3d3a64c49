#pragma once

#include "apijob.h"

namespace Mostrador {

// POST /{phone-number-id}/messages. On success, messageId() is the wamid the status webhooks
// will name.
class SendMessageJob final : public ApiJob
{
    Q_OBJECT

public:
    SendMessageJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent = nullptr);

    void start(const QJsonObject &payload);

    [[nodiscard]] QString messageId() const { return m_messageId; }
    [[nodiscard]] QString recipientWaId() const { return m_recipientWaId; }

protected:
    bool parseSuccess(const QJsonObject &json) override;

private:
    QString m_messageId;
    QString m_recipientWaId;
};

} // namespace Mostrador
