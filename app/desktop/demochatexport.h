#pragma once

#include <QDate>
#include <QString>

namespace Mostrador {

// Chats as a phone would have exported them, for the demo: the shop's past with Lucía (imported
// when the demo starts, so her thread shows history from before Mostrador) and a group with the
// shop's suppliers (offered in File ▸ Import chats…). Each is a .zip with the chat's text and
// the photos it names, drawn here. Returns the file written, empty when it could not be.
namespace DemoChatExport {

[[nodiscard]] QString writeLucia(const QString &folder, const QDate &today);
[[nodiscard]] QString writeSuppliers(const QString &folder, const QDate &today);

} // namespace DemoChatExport

} // namespace Mostrador
