#pragma once

#include "api/apitypes.h"

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

// Meta's per-message `pricing` of a status for a `category` message ("service" for a free-form
// reply) delivered on `day`, by Meta's rules of that day (MetaPricing).
[[nodiscard]] QJsonObject pricing(const QString &category, bool withinWindow, QDate day);

// A status object ("statuses"[i]); `charge` as pricing() makes it (none on a failure; when empty,
// a service reply's on `at`'s day).
[[nodiscard]] QJsonObject status(const QString &wamid, const QString &recipient, const QString &state,
                                 const QDateTime &at, const QString &callbackData = {},
                                 const QList<WireError> &errors = {}, const QJsonObject &charge = {});

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

// Coexistence: the WhatsApp Business app's history, one chunk (`history` field) of threads,
// one per customer; a message of the business (built by agentReply) carries "to", a customer's
// (built by message) does not; each gets the app's `history_context.status`.
struct HistoryThread {
    QString customerWaId;
    QList<QJsonObject> messages;
    QList<QString> statuses; // one per message: "read", "delivered"… (empty: none)
};
[[nodiscard]] QJsonObject historyChunk(const Business &business, int phase, int chunkOrder, int progress,
                                       const QList<HistoryThread> &threads);
// The business declined, on the phone, to share its history.
[[nodiscard]] QJsonObject historyDeclined(const Business &business);
// The app's address book (`smb_app_state_sync`): contacts added (a name) or removed (none).
struct AppContact {
    QString waId;
    QString fullName; // empty: removed
};
[[nodiscard]] QJsonObject appContacts(const Business &business, const QList<AppContact> &contacts, const QDateTime &at);

// Meta's review of a template (message_template_status_update), its quality and its category.
[[nodiscard]] QJsonObject templateStatus(const Business &business, const MessageTemplate &templ, const QString &event,
                                         const QString &reason, const QDateTime &at);
[[nodiscard]] QJsonObject templateQuality(const Business &business, const MessageTemplate &templ, const QString &previous,
                                          const QString &quality, const QDateTime &at);
[[nodiscard]] QJsonObject templateCategory(const Business &business, const MessageTemplate &templ, const QString &previous,
                                           const QString &category, const QDateTime &at);

} // namespace WebhookPayloads

} // namespace Mostrador
