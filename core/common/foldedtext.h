#pragma once

#include <QString>

namespace Mostrador {

// Text as search compares it: case folded and without accents, so "Envío" and "envio" (and
// "Lucía" and "LUCIA") are the same.
[[nodiscard]] QString foldedText(const QString &text);

} // namespace Mostrador
