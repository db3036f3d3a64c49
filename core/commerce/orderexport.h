#pragma once

#include "messaging/commerce.h"

#include <QList>

class QIODevice;

namespace Mostrador {

// The shop's orders for a spreadsheet (CSV, UTF-8 with a BOM) or for programs (JSON Lines), one
// order per line: when, who, stage, items, total, note, tracking number.
namespace OrderExport {

enum class Format { Csv, JsonLines };

// False, with `problem` said, when the output could not be written (a full disk…).
bool write(const QList<Order> &orders, Format format, QIODevice &out, QString *problem);

} // namespace OrderExport

} // namespace Mostrador
