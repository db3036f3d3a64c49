#pragma once

#include "messaging/inboundbatch.h"

#include <QByteArray>
#include <QString>

namespace Mostrador {

// Turns a webhook POST body into typed events. It never throws away what it cannot read:
// unknown message types become Unsupported messages with their raw JSON, unknown fields and
// shapes become OtherChange entries. Only a body that is not JSON at all is an error.
class WebhookParser final
{
public:
    struct Result {
        bool ok = false;
        QString error; // for the log and the 400 answer, when !ok
        WebhookBatch batch;
    };

    [[nodiscard]] static Result parse(const QByteArray &body);
};

} // namespace Mostrador
