#pragma once

#include "db/storeerror.h"

#include <QList>
#include <QString>

#include <optional>

namespace Mostrador {

class Database;

// A file that goes with a quick reply (a price list, a payment QR), kept in the shop's own
// folder so it does not matter where the original was.
struct QuickReplyFile {
    QString name; // as the customer sees it, e.g. lista-de-precios.pdf
    QString path; // the kept copy

    friend bool operator==(const QuickReplyFile &, const QuickReplyFile &) = default;
};

// A ready answer to one of the questions a shop gets every day, typed by its shortcut (/envio).
struct QuickReply {
    qint64 id = 0;
    QString shortcut; // without the slash
    QString title;
    QString body;     // may use the placeholders of AutoResponder::expand
    int useCount = 0;
    QList<QuickReplyFile> attachments;
};

// The shop's quick replies, kept in the store, with how often each was used.
class QuickReplyStore
{
public:
    explicit QuickReplyStore(Database &database);

    [[nodiscard]] QList<QuickReply> all(StoreError *error) const;
    // Adds or, when `reply.id` is set, changes one. A shortcut is unique, spaces are not allowed.
    [[nodiscard]] std::optional<qint64> save(const QuickReply &reply, StoreError *error);
    StoreError remove(qint64 id);
    StoreError recordUse(qint64 id);
    // Puts the replies in this order (ids of all of them, first to last).
    StoreError reorder(const QList<qint64> &ids);

    struct ImportResult {
        int added = 0;
        int updated = 0;
    };
    // Adds `replies` after the existing ones; one whose shortcut exists replaces that reply's
    // title and text (its use count stays). All or nothing: a bad row changes nothing.
    [[nodiscard]] std::optional<ImportResult> import(const QList<QuickReply> &replies, StoreError *error);

private:
    Database &m_database;
};

} // namespace Mostrador
