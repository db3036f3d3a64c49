#pragma once

#include <QString>

namespace Mostrador {

// Whether a customer's message asks not to get promotions any more: "BAJA", "STOP", "no más",
// "no quiero recibir más mensajes", the marketing template's "Stop promotions" button… in the
// languages shops here write in. Only a short message that is mostly the request counts, so
// "¿no más cojines azules?" does not opt anyone out.
namespace OptOut {

[[nodiscard]] bool isRequest(const QString &text);

// Whether a message asks to get them again: "ALTA", "START", "quiero promociones".
[[nodiscard]] bool isOptIn(const QString &text);

} // namespace OptOut

} // namespace Mostrador
