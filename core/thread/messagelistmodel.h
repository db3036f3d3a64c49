#pragma once

#include "conversations/conversationtypes.h"

#include <QAbstractListModel>
#include <QHash>

#include <functional>

namespace Mostrador {

class Database;
class ConversationStore;

// One conversation's messages, oldest at the top as a chat reads. It opens on the newest page
// and reads older pages as the view scrolls up (fetchMore inserts above); new messages and
// status changes arrive through refresh().
class MessageListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DirectionRole,     // Direction
        KindRole,          // MessageKind
        TextRole,          // body, or caption for media
        SentAtRole,
        StatusRole,        // DeliveryStatus
        ErrorCodeRole,
        OutboxStateRole,   // queued, sending, accepted, failed, unconfirmed, discarded
        ScheduledForRole,  // QDateTime: a queued message that waits until then
        AutomaticRole,
        EditedRole,
        RevokedRole,
        MediaMimeRole,
        MediaFilenameRole,
        NewDayRole,        // the first message of its day: the view draws a separator above
        WamidRole,
        QuotedTextRole,      // what this message replies to
        ReferralRole,        // the ad headline the customer came from
        MapUrlRole,          // QUrl to open a location in a map, for locations
        ForwardedRole,       // 0, 1 forwarded, 2 forwarded many times
        MediaPathRole,       // the downloaded file, once it is on disk
        ReactionRole,        // the customer's latest reaction (an emoji), if any
        QuotedWamidRole,     // the message this one replies to
        DownloadProgressRole, // 0–100 while a customer's file is downloading and its size is known; else null
        MediaSizeRole,        // bytes of the downloaded file; null until it is on disk
        MetaAgentRole,        // bool: written to, or by, Meta's AI agent
        ImportedRole,         // bool: brought in from the phone's exported chats (it never had ticks)
        AuthorRole,           // who wrote an imported message when several people did (a group); else empty
        OrderRole,            // Order: the order a cart became (null for other messages)
    };
    Q_ENUM(Role)

    explicit MessageListModel(Database &database, QObject *parent = nullptr);
    ~MessageListModel() override;

    void setConversation(qint64 conversationId);
    [[nodiscard]] qint64 conversation() const { return m_conversation; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Picks up new messages and status changes of the shown conversation.
    void refresh();
    // Team mode on another machine than the server: where a stored file is on this PC (a local
    // copy), or nothing while it is not here yet.
    void setMediaResolver(std::function<QString(const QString &storedPath)> resolve) { m_resolveMedia = std::move(resolve); }

    // How far the download of a customer's file has come (from MediaDownloader::progress).
    void setDownloadProgress(qint64 messageId, qint64 received, qint64 total);

    [[nodiscard]] const StoredMessage *messageAt(int row) const;

    // The row of a message, reading older pages until it is loaded; -1 when not in this conversation.
    int loadUntil(qint64 messageId);
    // The same, by WhatsApp message id.
    int loadUntilWamid(const QString &wamid);

    static constexpr int kPageSize = 60;

private:
    [[nodiscard]] QVariant orderOf(const StoredMessage &row) const;

    // A group chat brought in from the phone: its customers' messages say who wrote them.
    [[nodiscard]] bool severalAuthors() const;
    mutable std::optional<bool> m_severalAuthors;
    mutable QHash<qint64, QVariant> m_orders; // by cart message: read once per refresh

    [[nodiscard]] QString localPath(const QString &storedPath) const;

    int loadUntilMatch(const std::function<bool(const StoredMessage &)> &matches);

    Database &m_database;
    std::unique_ptr<ConversationStore> m_reader;
    qint64 m_conversation = 0;
    QList<StoredMessage> m_rows; // oldest first
    QHash<qint64, int> m_downloadPercent;     // by message id, while downloading
    std::function<QString(const QString &)> m_resolveMedia;
    mutable QHash<QString, qint64> m_fileSizes; // by path, read from disk once
    bool m_atStart = true;
};

} // namespace Mostrador
