#pragma once

#include <QString>

namespace Mostrador::SqlFragments {

// "The customer wrote" as a condition on a messages row aliased `alias`: inbound, of a kind that
// counts as writing (countsAsCustomerWriting), so SQL and C++ agree by construction.
[[nodiscard]] QString customerWrote(const QString &alias);

} // namespace Mostrador::SqlFragments
