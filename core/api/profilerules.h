#pragma once

#include "apitypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Mostrador {

// The Cloud API's limits on a business profile, checked before anything is sent, with a plain
// sentence per field (Meta's business profile reference: about 1–139 characters; address ≤256; description ≤512 with a
// warning past 256, where some clients cut it; email ≤128; at most two http(s) websites of
// ≤256; vertical from Meta's list).
namespace ProfileRules {

enum class Field { About, Address, Description, Email, Websites, Vertical };

struct Problem {
    Field field;
    QString message;
    bool blocking = true; // false: a warning, saving is still allowed
};

constexpr int kAboutMax = 139;
constexpr int kAddressMax = 256;
constexpr int kDescriptionMax = 512;
constexpr int kDescriptionWarn = 256;
constexpr int kEmailMax = 128;
constexpr int kWebsitesMax = 2;
constexpr int kWebsiteMax = 256;

// Meta's business categories, in the API's spelling.
[[nodiscard]] const QStringList &verticals();
// A readable name for one (translated), e.g. "RETAIL" → "Shopping and retail".
[[nodiscard]] QString verticalName(const QString &vertical);

[[nodiscard]] QList<Problem> check(const BusinessProfile &profile);
[[nodiscard]] bool canSave(const QList<Problem> &problems);

} // namespace ProfileRules

} // namespace Mostrador
