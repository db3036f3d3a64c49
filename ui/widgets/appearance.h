#pragma once

#include <QString>

namespace Mostrador {

// Light or dark: the system's choice by default, or the shop's, remembered.
namespace Appearance {

// "system", "light" or "dark".
[[nodiscard]] QString saved();
void choose(const QString &appearance);
// Applies the saved choice to the running application.
void apply();

} // namespace Appearance

} // namespace Mostrador
