#pragma once

#include "quickreplies.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Mostrador {

// Quick replies in files a shop can carry to another PC or edit in a spreadsheet: JSON (what
// Mostrador writes and reads back exactly, attached files included) and CSV with the columns
// shortcut, title, text (UTF-8; comma or semicolon, as spreadsheets in Spanish write them; quotes
// as in RFC 4180; no attached files).
namespace QuickReplyExchange {

// Fails (saying which) when an attached file can no longer be read.
[[nodiscard]] std::optional<QByteArray> toJson(const QList<QuickReply> &replies, QString *error);
[[nodiscard]] QByteArray toCsv(const QList<QuickReply> &replies);

// On a mistake returns nothing and says, in a sentence for the user, where (`error`). Attached
// files in a JSON file are kept in `filesFolder`.
[[nodiscard]] std::optional<QList<QuickReply>> fromJson(const QByteArray &bytes, QString *error, const QString &filesFolder = {});
[[nodiscard]] std::optional<QList<QuickReply>> fromCsv(const QByteArray &bytes, QString *error);

// Picks the reader by the file name's extension (.json or .csv).
[[nodiscard]] std::optional<QList<QuickReply>> fromFile(const QString &path, QString *error, const QString &filesFolder = {});
[[nodiscard]] bool toFile(const QList<QuickReply> &replies, const QString &path, QString *error);

} // namespace QuickReplyExchange

} // namespace Mostrador
