#pragma once

#include "automation/quickreplystore.h"

#include <QList>
#include <QString>

#include <optional>

namespace Mostrador {

// Keeps a copy of `source` in `folder` (named by its SHA-256) for a quick reply, after checking
// it against WhatsApp's media limits; on a problem returns nothing and says why in `error`.
[[nodiscard]] std::optional<QuickReplyFile> keepQuickReplyFile(const QString &source, const QString &folder, QString *error);
// The same for bytes that arrive in an imported file.
[[nodiscard]] std::optional<QuickReplyFile> keepQuickReplyFile(const QByteArray &data, const QString &name, const QString &folder,
                                                               QString *error);

namespace QuickReplies {

// The replies that match what was typed after "/", best first: accents and case do not
// matter; a shortcut that starts with the words beats a title, a title beats the text, and
// letters in order ("evo" finds "envío") come last; among equals the most used first.
[[nodiscard]] QList<QuickReply> matching(const QList<QuickReply> &replies, const QString &typed);

} // namespace QuickReplies

} // namespace Mostrador
