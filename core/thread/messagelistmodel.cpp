#include "messagelistmodel.h"

#include "commerce/orderstore.h"

#include "conversations/conversationstore.h"

#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace Mostrador {

MessageListModel::MessageListModel(Database &database, QObject *parent)
    : QAbstractListModel(parent)
    , m_database(database)
    , m_reader(std::make_unique<ConversationStore>(database))
{
}

MessageListModel::~MessageListModel() = default;

void MessageListModel::setConversation(qint64 conversationId)
{
    beginResetModel();
    m_severalAuthors.reset();
    m_orders.clear();
    m_conversation = conversationId;
    m_rows.clear();
    m_atStart = conversationId == 0;
    if (conversationId) {
        StoreError error;
        QList<StoredMessage> newest = m_reader->messages(conversationId, std::nullopt, kPageSize, &error);
        std::reverse(newest.begin(), newest.end());
        m_rows = newest;
        m_atStart = newest.size() < kPageSize;
    }
    endResetModel();
}

bool MessageListModel::severalAuthors() const
{
    if (m_severalAuthors)
        return *m_severalAuthors;
    m_severalAuthors = false;
    QString first;
    for (const StoredMessage &row : m_rows) {
        if (!row.imported || row.direction != Direction::Inbound || row.author.isEmpty())
            continue;
        if (first.isEmpty())
            first = row.author;
        else if (row.author != first)
            return *(m_severalAuthors = true);
    }
    return false;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atStart;
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atStart || m_rows.isEmpty())
        return;
    StoreError error;
    QList<StoredMessage> older = m_reader->messages(
        m_conversation, MessageCursor{m_rows.first().sentAt.toMSecsSinceEpoch(), m_rows.first().id}, kPageSize, &error);
    m_atStart = older.size() < kPageSize || error.isError();
    if (older.isEmpty())
        return;
    std::reverse(older.begin(), older.end());
    m_severalAuthors.reset();
    beginInsertRows({}, 0, int(older.size() - 1));
    m_rows = older + m_rows;
    endInsertRows();
    // The first previously loaded message may no longer start its day.
    const QModelIndex boundary = index(int(older.size()));
    Q_EMIT dataChanged(boundary, boundary, {NewDayRole});
}

void MessageListModel::refresh()
{
    if (!m_conversation)
        return;
    m_severalAuthors.reset();
    m_orders.clear(); // a stage may have moved
    // Re-read the newest page: new messages are appended, changed ones updated in place.
    StoreError error;
    QList<StoredMessage> newest = m_reader->messages(m_conversation, std::nullopt, kPageSize, &error);
    std::reverse(newest.begin(), newest.end());
    for (const StoredMessage &message : std::as_const(newest)) {
        const auto existing = std::find_if(m_rows.begin(), m_rows.end(), [&](const StoredMessage &row) { return row.id == message.id; });
        if (existing != m_rows.end()) {
            if (existing->status != message.status || existing->outboxState != message.outboxState || existing->body != message.body
                || existing->revoked != message.revoked || existing->errorCode != message.errorCode
                || existing->mediaPath != message.mediaPath || existing->reaction != message.reaction) {
                *existing = message;
                const QModelIndex changed = index(int(existing - m_rows.begin()));
                Q_EMIT dataChanged(changed, changed);
            }
            continue;
        }
        // New: after everything older than it (usually at the end).
        int position = int(m_rows.size());
        while (position > 0 && (m_rows.at(position - 1).sentAt > message.sentAt
                                || (m_rows.at(position - 1).sentAt == message.sentAt && m_rows.at(position - 1).id > message.id)))
            --position;
        beginInsertRows({}, position, position);
        m_rows.insert(position, message);
        endInsertRows();
    }
}

int MessageListModel::loadUntil(qint64 messageId)
{
    return loadUntilMatch([messageId](const StoredMessage &row) { return row.id == messageId; });
}

int MessageListModel::loadUntilWamid(const QString &wamid)
{
    return loadUntilMatch([&wamid](const StoredMessage &row) { return row.wamid == wamid; });
}

int MessageListModel::loadUntilMatch(const std::function<bool(const StoredMessage &)> &matches)
{
    for (;;) {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (matches(m_rows.at(row)))
                return row;
        }
        if (!canFetchMore({}))
            return -1;
        fetchMore({});
    }
}

const StoredMessage *MessageListModel::messageAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void MessageListModel::setDownloadProgress(qint64 messageId, qint64 received, qint64 total)
{
    if (total <= 0)
        return;
    const int percent = static_cast<int>(std::clamp<qint64>(received * 100 / total, 0, 100));
    if (m_downloadPercent.value(messageId, -1) == percent)
        return;
    m_downloadPercent.insert(messageId, percent);
    for (int row = m_rows.size() - 1; row >= 0; --row) {
        if (m_rows.at(row).id == messageId) {
            const QModelIndex changed = index(row);
            Q_EMIT dataChanged(changed, changed, {DownloadProgressRole});
            return;
        }
    }
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredMessage &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return row.caption.isEmpty() ? row.body : row.caption;
    case Qt::AccessibleTextRole:
        return QString((row.caption.isEmpty() ? row.body : row.caption) + QStringLiteral(" — ")
                       + row.sentAt.toLocalTime().toString(Qt::ISODate));
    case IdRole:
        return row.id;
    case DirectionRole:
        return QVariant::fromValue(row.direction);
    case KindRole:
        return QVariant::fromValue(row.kind);
    case SentAtRole:
        return row.sentAt;
    case StatusRole:
        return QVariant::fromValue(row.status);
    case ErrorCodeRole:
        return row.errorCode;
    case OutboxStateRole:
        return row.outboxState;
    case ScheduledForRole:
        return row.scheduledFor;
    case MetaAgentRole:
        return row.handledByMetaAgent;
    case ImportedRole:
        return row.imported;
    case OrderRole:
        return orderOf(row);
    case AuthorRole:
        return row.imported && row.direction == Direction::Inbound && severalAuthors() ? row.author : QString();
    case AutomaticRole:
        return row.automatic;
    case EditedRole:
        return row.edited;
    case RevokedRole:
        return row.revoked;
    case MediaMimeRole:
        return row.mediaMime;
    case MediaFilenameRole:
        return row.mediaFilename;
    case WamidRole:
        return row.wamid;
    case QuotedTextRole:
        return row.quotedText;
    case ReferralRole:
        return row.referralHeadline;
    case MapUrlRole:
        if (!row.hasLocation)
            return {};
        return QUrl(QStringLiteral("https://www.openstreetmap.org/?mlat=%1&mlon=%2#map=17/%1/%2")
                        .arg(row.latitude, 0, 'f', 6).arg(row.longitude, 0, 'f', 6));
    case ForwardedRole:
        return row.forwarded;
    case MediaPathRole:
        return localPath(row.mediaPath);
    case DownloadProgressRole:
        if (!localPath(row.mediaPath).isEmpty() || !m_downloadPercent.contains(row.id))
            return {};
        return m_downloadPercent.value(row.id);
    case MediaSizeRole: {
        const QString path = localPath(row.mediaPath);
        if (path.isEmpty())
            return {};
        auto size = m_fileSizes.constFind(path);
        if (size == m_fileSizes.constEnd())
            size = m_fileSizes.insert(path, QFileInfo(path).size());
        return *size;
    }
    case ReactionRole:
        return row.reaction;
    case QuotedWamidRole:
        return row.contextWamid;
    case NewDayRole:
        return index.row() == 0
            || m_rows.at(index.row() - 1).sentAt.toLocalTime().date() != row.sentAt.toLocalTime().date();
    default:
        return {};
    }
}

QVariant MessageListModel::orderOf(const StoredMessage &row) const
{
    if (row.kind != MessageKind::Order)
        return {};
    const auto cached = m_orders.constFind(row.id);
    if (cached != m_orders.constEnd())
        return *cached;
    StoreError error;
    const std::optional<Order> order = OrderStore(m_database).orderForMessage(row.id, &error);
    const QVariant value = order ? QVariant::fromValue(*order) : QVariant();
    m_orders.insert(row.id, value);
    return value;
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "messageId"}, {DirectionRole, "direction"}, {KindRole, "kind"}, {TextRole, "text"},
                  {SentAtRole, "sentAt"}, {StatusRole, "status"}, {ErrorCodeRole, "errorCode"},
                  {OutboxStateRole, "outboxState"}, {ScheduledForRole, "scheduledFor"}, {AutomaticRole, "automatic"}, {MetaAgentRole, "metaAgent"}, {ImportedRole, "imported"}, {AuthorRole, "author"}, {EditedRole, "edited"},
                  {RevokedRole, "revoked"}, {MediaMimeRole, "mediaMime"}, {MediaFilenameRole, "mediaFilename"},
                  {NewDayRole, "newDay"}, {WamidRole, "wamid"}, {QuotedTextRole, "quotedText"}, {ReferralRole, "referral"},
                  {MapUrlRole, "mapUrl"}, {ForwardedRole, "forwarded"}, {MediaPathRole, "mediaPath"}, {ReactionRole, "reaction"}, {QuotedWamidRole, "quotedWamid"},
                  {DownloadProgressRole, "downloadProgress"}, {MediaSizeRole, "mediaSize"}});
    return names;
}

QString MessageListModel::localPath(const QString &storedPath) const
{
    return m_resolveMedia && !storedPath.isEmpty() ? m_resolveMedia(storedPath) : storedPath;
}

} // namespace Mostrador
