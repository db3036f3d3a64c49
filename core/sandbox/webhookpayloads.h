#pragma once

#include "messaging/wireerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mostrador {

// Builds webhook payloads in the Cloud API's wire format. The sandbox sends these to the
// receiver; tests and benchmarks use them to play Meta.
namespace WebhookPayloads {

struct Business {
    QString wabaId;
    QString phoneNumberId;
    QString displayNumber;
};

struct Sender {
    QString waId;          // may be empty: a customer known only by their business-scoped id
    QString name;
    QString userId = {};   // business-scoped id, optional
    QString username = {}; // optional
};

// One inbound message object ("messages"[i]) of any type: `content` is the type's object,
// e.g. {"body": "Hola"} for text.
[[nodiscard]] QJsonObject message(const QString &wamid, const Sender &from, const QDateTime &at,
                                  const QString &type, const QJsonObject &content);
[[nodiscard]] QJsonObject textMessage(const QString &wamid, const Sender &from, const QDateTime &at,
                                      const QString &body);

// Meta's per-message `pricing` of a status: a free reply inside the window, or a template of
// `category` (marketing, utility, authentication), billable unless a utility one inside the window.
[[nodiscard]] QJsonObject pricing(const QString &category = QStringLiteral("service"), bool withinWindow = true);

// A status object ("statuses"[i]); `charge` as pricing() makes it (none on a failure).
[[nodiscard]] QJsonObject status(const QString &wamid, const QString &recipient, const QString &state,
                                 const QDateTime &at, const QString &callbackData = {},
                                 const QList<WireError> &errors = {}, const QJsonObject &charge = pricing());

// The envelope around messages (with their senders' contacts) and/or statuses.
[[nodiscard]] QJsonObject envelope(const Business &business, const QList<Sender> &contacts,
                                   const QList<QJsonObject> &messages, const QList<QJsonObject> &statuses = {});

// What Meta sends while its AI agent holds a conversation: the `standby` field, with the
// customer's messages to the agent and the agent's replies to them (`message_echoes`, each built
// by agentReply).
[[nodiscard]] QJsonObject standbyEnvelope(const Business &business, const QList<Sender> &contacts,
                                          const QList<QJsonObject> &customerMessages, const QList<QJsonObject> &agentReplies);
[[nodiscard]] QJsonObject agentReply(const QString &wamid, const Business &business, const Sender &to, const QDateTime &at,
                                     const QString &body);

} // namespace WebhookPayloads

} // namespace Mostrador
