#pragma once

#include "db/storeerror.h"
#include "db/storeresult.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace Mostrador {

class Database;

// One import of the phone's chats, as the store remembers it.
struct ImportRecord {
    qint64 id = 0;
    QStringList fileNames;   // as they were named then (no folders)
    QStringList fileSha256;  // of each file's bytes, in the same order: the same file found again
    QString me;              // the shop's name it was given
    QString importedBy;      // who imported it: the computer's user, or the agent
    QDateTime importedAt;
    qint64 messagesAdded = 0;
    QDateTime undoneAt;      // invalid while it stands
    QString undoneBy;

    [[nodiscard]] bool isUndone() const { return undoneAt.isValid(); }
};

// What undoing an import took out of the store.
struct UndoneImport {
    qint64 messages = 0;
    int conversations = 0;      // that the import had started and that had nothing else left
    int customers = 0;          // likewise
    QStringList unusedMediaFiles; // the import's files no message uses any more, for the caller to remove
};

// The imports of the phone's chats, and undoing one: a shop that imported a chat under the wrong
// name undoes it and imports it again. Undoing removes the messages that import added (not the
// ones an earlier import or WhatsApp itself had brought), and the conversations and customers
// it started when nothing else is left in them (no message, order or note). All in one
// transaction; the import stays listed, marked undone.
class ImportRecordStore final
{
public:
    explicit ImportRecordStore(Database &database);

    // Newest first.
    [[nodiscard]] StoreResult<QList<ImportRecord>> imports() const;
    [[nodiscard]] StoreResult<std::optional<ImportRecord>> find(qint64 importId) const;
    // The newest import, not yet undone, of a file with these bytes (the same export, wherever
    // it is now), else of a file by that name.
    [[nodiscard]] StoreResult<std::optional<ImportRecord>> newestOfFile(const QString &sha256, const QString &fileName) const;

    // `by` names who undid it. An import already undone, or unknown, is an error that says so.
    [[nodiscard]] StoreResult<UndoneImport> undo(qint64 importId, const QString &by, const QDateTime &now);

private:
    Database &m_database;
};

} // namespace Mostrador
