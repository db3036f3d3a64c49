#pragma once

#include <QString>
#include <QStringList>

namespace Mostrador {

// Which language to answer a customer in, where it can be told: Spanish unless what they wrote
// reads as English, or, when their words say nothing either way ("ok", a photo), their number
// is from a country where English is the usual language.
namespace CustomerLanguage {

// "en" or "es". `texts`: what the customer wrote lately, newest first.
[[nodiscard]] QString guess(const QStringList &texts, const QString &waId);

} // namespace CustomerLanguage

} // namespace Mostrador
