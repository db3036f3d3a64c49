#pragma once

#include "db/storeerror.h"

#include <QIODevice>

namespace Mostrador {

class Database;

// Writes every stored message, oldest first, one per line: JSON Lines or CSV (RFC 4180, UTF-8),
// with conversation, customer, direction, type, text or caption, status, timestamps and wamid.
// Streams row by row, so memory stays flat however large the history.
class MessageExportStore final
{
public:
    enum class Format { JsonLines, Csv };

    static StoreError write(Database &database, Format format, QIODevice &out, qint64 *written = nullptr);
};

} // namespace Mostrador
