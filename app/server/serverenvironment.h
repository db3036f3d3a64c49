#pragma once

#include "api/apiconfig.h"
#include "automation/autoresponder.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Mostrador {

// The service's configuration, the way services are configured: environment variables, or
// files named by *_FILE variables (for secrets kept out of the environment).
struct ServerEnvironment {
    QByteArray appSecret;     // MOSTRADOR_APP_SECRET
    QString verifyToken;      // MOSTRADOR_VERIFY_TOKEN
    ApiConfig api;            // MOSTRADOR_ACCESS_TOKEN, _PHONE_NUMBER_ID, _WABA_ID, _GRAPH_URL
    // MOSTRADOR_SHOP_NAME, _AWAY_MESSAGE, _GREETING_MESSAGE; the away message needs
    // MOSTRADOR_OPENING_HOURS ("mon-fri 09:00-13:00 16:00-20:00; sat 10:00-14:00") in
    // MOSTRADOR_TIMEZONE (the machine's zone when unset).
    AutoResponder::Settings autoReplies;
    OpeningHours openingHours;

    // Reads everything; `problems` gets one plain sentence per variable that could not be read
    // (a *_FILE that does not exist, say).
    [[nodiscard]] static ServerEnvironment read(QStringList *problems);

    // Sentences naming each of `required` (variable names) that is missing.
    [[nodiscard]] QStringList missing(const QStringList &required) const;
};

} // namespace Mostrador
