#pragma once

#include <QString>

namespace Mostrador::SqlFragments {

// "The customer wrote" as a condition on a messages row aliased `alias`: inbound, of a kind that
// counts as writing (countsAsCustomerWriting), so SQL and C++ agree by construction.
[[nodiscard]] QString customerWrote(const QString &alias);

// Who wrote a messages row aliased `alias`, as an integer MessageOrigin: the customer, a person of
// the shop, or an automatic reply (the away and greeting replies, Meta's AI agent).
[[nodiscard]] QString origin(const QString &alias);

// 1 when the row counts for waiting: a customer's message that counts as writing, or a message
// from the shop that was not refused (a failed send answers nobody); else 0.
[[nodiscard]] QString countsForWaiting(const QString &alias);

// 1 when a messages row aliased `alias` starts or ends a wait: the customer writing, or a person
// of the shop answering (not refused). Automatic replies, campaigns and imported history do
// neither: a wait is for a person.
[[nodiscard]] QString startsOrEndsWaiting(const QString &alias);

// Which way the last message that starts or ends a wait went, in the conversation whose id is
// the SQL expression `conversationId`; with `before`, among messages sent before the next bound
// value. 'in' means the customer waits.
[[nodiscard]] QString lastWaitingDirection(const QString &conversationId, bool before = false);

// The one meaning of "waiting for us", for a conversations row aliased `alias`: it is not
// resolved, and the customer wrote last (startsOrEndsWaiting). The inbox's Waiting for us view,
// the strip's Waiting now and the reports all count this.
[[nodiscard]] QString waitingForUs(const QString &alias);

} // namespace Mostrador::SqlFragments
