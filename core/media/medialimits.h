#pragma once

#include "api/messagepayloads.h"

#include <QString>

#include <optional>

namespace Mostrador {

// What WhatsApp accepts as media (Meta's limits per media type), checked before anything is uploaded so the shop
// hears about a file that is too big or of the wrong kind at once, in plain words.
namespace MediaLimits {

struct Verdict {
    std::optional<MessagePayloads::MediaType> type; // how it will be sent, when allowed
    QString problem;                                // empty when the file can be sent
};

// `mimeType` as detected from the file's contents; `size` in bytes.
[[nodiscard]] Verdict check(const QString &mimeType, qint64 size);

} // namespace MediaLimits

} // namespace Mostrador
