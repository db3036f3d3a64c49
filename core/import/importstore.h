#pragma once

#include "common/clock.h"
#include "messaging/messagetypes.h"
#include "db/storeerror.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <optional>

namespace Mostrador {

class Database;
class SearchBatch;
class StatementCache;

// A message of the shop's past, brought in from an export of the phone's chats.
struct ImportedMessage {
    Direction direction = Direction::Inbound;
    MessageKind kind = MessageKind::Text;
    QString text;          // the body; a photo's caption
    QString author;        // who wrote it, as the phone named them (kept for group chats)
    QDateTime sentAt;
    bool deleted = false;
    bool edited = false;
    QString mediaPath;     // kept in the media folder; empty when the export did not include it
    QString mediaSha256;
    QString mediaMime;
    QString mediaFilename;
    QString importKey;     // the same message from the same chat always has the same key
};

// What an import is made of, remembered so it can be undone (ImportRecordStore).
struct ImportSource {
    QStringList fileNames;
    QStringList fileSha256;
    QString me;
    QString importedBy;

    // The files by name and by a SHA-256 of their bytes (read again for it), imported by the
    // computer's user (the caller names a team member instead).
    [[nodiscard]] static ImportSource ofFiles(const QStringList &paths, const QString &me = {});
};

// Where imported history goes: the same customers and conversations as everything else, its
// messages marked imported (no ticks, no automatic replies, no read receipts), never opening a
// 24-hour window nor making a conversation unread. Everything between begin() and commit() is
// one transaction: rollback() leaves the store as it was. A message whose key is already
// stored is left alone, so the same file, or a later export of the same chat, adds only what is new.
class ImportStore final
{
public:
    explicit ImportStore(Database &database, const Clock &clock = systemClock());
    ~ImportStore();

    // The number new conversations are on, when the shop's is known (else the one the store
    // mostly talks through).
    void setBusinessNumber(const QString &phoneNumberId)
    {
        if (!phoneNumberId.isEmpty())
            m_businessNumber = phoneNumberId;
    }

    // Starts the transaction and the import's record: everything added until commit() belongs to it.
    StoreError begin(const ImportSource &source);
    StoreError commit();
    // The import's number, once begun (import-chat --undo takes it).
    [[nodiscard]] qint64 importId() const { return m_importId; }
    void rollback();

    // The customer with this WhatsApp number (any of its forms), created when new; a name from
    // the phone fills in the shop's name for them only when they had none.
    // `created` (when given) says whether they were new.
    [[nodiscard]] std::optional<qint64> customerWithNumber(const QString &waId, const QString &name, StoreError *error,
                                                           bool *created = nullptr);
    // The one known customer the shop calls `name` (or whose WhatsApp name it is), else a new
    // customer by that name with no number yet.
    [[nodiscard]] std::optional<qint64> customerNamed(const QString &name, StoreError *error);
    // Their newest conversation, or a new one (resolved: history is not waiting for anyone) on
    // the number the store mostly talks through.
    [[nodiscard]] std::optional<qint64> conversationOf(qint64 customerId, StoreError *error);

    // Stores it unless it is already there. Messages go in batches of kBatch rows per statement
    // (one statement per row costs SQLite more than the row itself): counts() is exact after
    // flush(), which finishConversation() and commit() do.
    StoreError add(qint64 conversationId, const ImportedMessage &message);
    StoreError flush();
    // After a conversation's messages: its newest message shows in the list (when it is newer
    // than what the list showed).
    StoreError finishConversation(qint64 conversationId);

    struct Counts {
        qint64 added = 0;
        qint64 alreadyThere = 0;
        int mediaKept = 0;     // added with their file
        int mediaOmitted = 0;  // added without it (the export left it out)
    };
    [[nodiscard]] Counts counts() const { return m_counts; }
    void resetCounts() { m_counts = {}; }

    static constexpr int kBatch = 200;
    static constexpr qint64 kIndexEvery = 50000; // messages indexed for search in one statement

private:
    [[nodiscard]] QString businessNumber(StoreError *error);
    // What rows point back to: NULL for history that came another way (the business app's,
    // through webhooks), which no import-chat --undo takes out.
    [[nodiscard]] QVariant importIdOrNull() const
    {
        return m_importId > 0 ? QVariant(m_importId) : QVariant(QMetaType::fromType<qint64>());
    }

    Database &m_database;
    const Clock &m_clock;
    std::unique_ptr<StatementCache> m_statements;
    std::unique_ptr<SearchBatch> m_search;
    std::optional<QString> m_businessNumber;
    QVariantList m_pending;   // bound values of the rows waiting for flush()
    int m_pendingRows = 0;
    Counts m_counts;
    qint64 m_sinceIndexed = 0;
    qint64 m_importId = 0;
};

} // namespace Mostrador
