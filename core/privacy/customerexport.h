#pragma once

#include <QString>

namespace Mostrador {

class Database;

// A customer's data as they may ask for it (right of access): one ZIP with customer.json (who
// they are to the shop, every conversation with its messages, team notes and labels) and their
// files under files/. A file no longer on this computer is named in the JSON as missing.
namespace CustomerExport {

struct Result {
    bool ok = false;
    int messages = 0;
    int files = 0;
    QString error; // a sentence for the user
};

[[nodiscard]] Result write(Database &database, qint64 customerId, const QString &zipPath);

} // namespace CustomerExport

} // namespace Mostrador
