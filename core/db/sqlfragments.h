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

} // namespace Mostrador::SqlFragments
