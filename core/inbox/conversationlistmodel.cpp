#include "conversationlistmodel.h"

#include "identity/phonenumbers.h"
#include "conversations/conversationstore.h"
#include "common/clock.h"
#include "window/windowtracker.h"

namespace Mostrador {

ConversationListModel::ConversationListModel(Database &database, const WindowTracker *windows, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(std::make_unique<ConversationStore>(database))
    , m_windows(windows)
{
}

ConversationListModel::~ConversationListModel() = default;

QString ConversationListModel::initials(const QString &name)
{
    QString result;
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (word.at(0).isLetter())
            result += word.at(0).toUpper();
        if (result.size() == 2)
            break;
    }
    return result.isEmpty() ? QStringLiteral("#") : result;
}

void ConversationListModel::setView(ConversationFilter::View view)
{
    if (m_filter.view == view)
        return;
    m_filter.view = view;
    reload();
}

void ConversationListModel::setLabel(qint64 labelId)
{
    if (m_filter.labelId == labelId)
        return;
    m_filter.labelId = labelId;
    reload();
}

void ConversationListModel::setAssignment(ConversationFilter::Assignment assignment, qint64 agentId)
{
    if (m_filter.assignment == assignment && m_filter.agentId == agentId)
        return;
    m_filter.assignment = assignment;
    m_filter.agentId = agentId;
    reload();
}

void ConversationListModel::setSort(ConversationFilter::Sort sort)
{
    if (m_filter.sort == sort)
        return;
    m_filter.sort = sort;
    reload();
}

bool ConversationListModel::before(const ConversationSummary &a, const ConversationSummary &b) const
{
    if (m_filter.sort == ConversationFilter::Sort::WindowTimeLeft)
        return a.lastInboundAt < b.lastInboundAt || (a.lastInboundAt == b.lastInboundAt && a.id < b.id);
    return a.lastMessageAt > b.lastMessageAt || (a.lastMessageAt == b.lastMessageAt && a.id > b.id);
}

void ConversationListModel::reload()
{
    // The first page is read before the reset: views see one change, never an empty list; and
    // when the store cannot be read (a team's connection lost), what the list showed stays
    // until it answers, rather than an inbox suddenly empty.
    StoreError error;
    QList<ConversationSummary> first = nextPage(true, &error);
    if (error.isError())
        return;
    m_outsideView.reset();
    beginResetModel();
    m_rows = std::move(first);
    m_atEnd = m_rows.size() < kPageSize;
    endResetModel();
    if (!m_heldIds.isEmpty()) { // all read afresh: nothing waits any more
        m_heldIds.clear();
        Q_EMIT heldChangesChanged(0);
    }
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ConversationListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    StoreError error;
    const QList<ConversationSummary> page = nextPage(false, &error);
    m_atEnd = page.size() < kPageSize || error.isError();
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows += page;
    endInsertRows();
}

QList<ConversationSummary> ConversationListModel::nextPage(bool fromStart, StoreError *error)
{
    std::optional<ConversationCursor> after;
    const bool byWindow = m_filter.sort == ConversationFilter::Sort::WindowTimeLeft;
    if (!fromStart && !m_rows.isEmpty())
        after = ConversationCursor{(byWindow ? m_rows.last().lastInboundAt : m_rows.last().lastMessageAt).toMSecsSinceEpoch(),
                                   m_rows.last().id};
    if (byWindow && m_windows)
        m_filter.windowOpenSince = m_windows->clock().now().toMSecsSinceEpoch() - ServiceWindow::kLengthMs;
    if (m_filter.view == ConversationFilter::View::ClosingSoon && m_windows) {
        // Windows close 24 hours after the customer's last message; "soon" is the tracker's margin.
        const qint64 now = m_windows->clock().now().toMSecsSinceEpoch();
        m_filter.closingSoonFrom = now - ServiceWindow::kLengthMs;
        m_filter.closingSoonTo = m_filter.closingSoonFrom + m_windows->closingSoonMargin() * 1000;
    }
    return m_reader->conversations(m_filter, after, kPageSize, error);
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return valueOf(m_rows.at(index.row()), role);
}

QVariant ConversationListModel::conversationData(qint64 conversationId, int role) const
{
    if (const int row = rowOf(conversationId); row >= 0)
        return data(index(row), role);
    if (!conversationId)
        return {};
    // Opened from a search or a report while the list shows another view: read from the store.
    if (!m_outsideView || m_outsideView->id != conversationId) {
        StoreError error;
        m_outsideView = m_reader->conversation(conversationId, &error);
        if (!m_outsideView)
            return {};
    }
    return valueOf(*m_outsideView, role);
}

QVariant ConversationListModel::valueOf(const ConversationSummary &row, int role) const
{
    // How WhatsApp knows them, for the header and for customers with no name: formatted only
    // when asked for (the list asks data() many times per row as it paints).
    const auto identity = [&row]() -> QString {
        const QString username = row.username.isEmpty() ? QString() : QString(QLatin1Char('@') + row.username);
        if (!row.waId.isEmpty())
            return PhoneNumbers::displayed(row.waId) + (username.isEmpty() ? QString() : QStringLiteral(" · ") + username);
        return username.isEmpty() ? row.userId : username;
    };
    const auto name = [&]() -> QString { return row.customerName.isEmpty() ? identity() : row.customerName; };
    switch (role) {
    case Qt::DisplayRole:
    case CustomerNameRole:
        return name();
    case Qt::AccessibleTextRole:
        return QString(name() + QStringLiteral(": ") + valueOf(row, PreviewRole).toString());
    case IdRole:
        return row.id;
    case InitialsRole:
        return initials(name());
    case PhoneRole:
        return identity();
    case UsernameRole:
        return row.username;
    case CountryRole:
        return row.waId.isEmpty() ? QString() : PhoneNumbers::regionOf(row.waId);
    case BlockedRole:
        return row.blocked;
    case HeldByMetaAgentRole:
        return row.heldByMetaAgent;
    case PreviewRole:
        return row.customerWordsBeforeAutomaticReply.isEmpty() ? row.lastMessagePreview
                                                               : row.customerWordsBeforeAutomaticReply;
    case AnsweredAutomaticallyRole:
        return !row.customerWordsBeforeAutomaticReply.isEmpty();
    case LastMessageAtRole:
        return row.lastMessageAt;
    case LastDirectionRole:
        return QVariant::fromValue(row.lastMessageDirection);
    case LastStatusRole:
        return QVariant::fromValue(row.lastMessageStatus);
    case LastKindRole:
        return QVariant::fromValue(row.lastMessageKind);
    case UnreadCountRole:
        return row.unreadCount;
    case StatusRole:
        return row.status;
    case WindowStateRole:
        return QVariant::fromValue(m_windows ? m_windows->window(row.id).state : ServiceWindow::State::Closed);
    case WindowOpenUntilRole:
        return m_windows ? m_windows->window(row.id).openUntil : QDateTime();
    case LabelColorsRole:
        return row.labelColors;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "conversationId"}, {CustomerNameRole, "customerName"}, {InitialsRole, "initials"},
                  {PhoneRole, "phone"}, {PreviewRole, "preview"}, {LastMessageAtRole, "lastMessageAt"},
                  {LastDirectionRole, "lastDirection"}, {LastStatusRole, "lastStatus"}, {LastKindRole, "lastKind"},
                  {UnreadCountRole, "unreadCount"}, {StatusRole, "status"}, {WindowStateRole, "windowState"},
                  {WindowOpenUntilRole, "windowOpenUntil"}, {LabelColorsRole, "labelColors"},
                  {UsernameRole, "username"}, {BlockedRole, "blocked"}, {HeldByMetaAgentRole, "heldByMetaAgent"},
                  {AnsweredAutomaticallyRole, "answeredAutomatically"}, {CountryRole, "country"}});
    return names;
}

int ConversationListModel::rowOf(qint64 conversationId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == conversationId)
            return i;
    }
    return -1;
}

qint64 ConversationListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

bool ConversationListModel::belongs(const ConversationSummary &row) const
{
    if (m_filter.labelId && !row.labelIds.contains(m_filter.labelId))
        return false;
    if (m_filter.sort == ConversationFilter::Sort::WindowTimeLeft && (!m_windows || !m_windows->maySendFreeForm(row.id)))
        return false;
    switch (m_filter.view) {
    case ConversationFilter::View::All:
        return true;
    case ConversationFilter::View::Open:
        return row.status != QLatin1String("resolved");
    case ConversationFilter::View::WaitingForUs:
        return row.waitingForUs;
    case ConversationFilter::View::Resolved:
        return row.status == QLatin1String("resolved");
    case ConversationFilter::View::ClosingSoon:
        return row.status != QLatin1String("resolved") && m_windows
            && m_windows->window(row.id).state == ServiceWindow::State::ClosingSoon;
    }
    return true;
}

void ConversationListModel::refresh(const QSet<qint64> &conversationIds)
{
    m_outsideView.reset();
    for (const qint64 id : conversationIds) {
        StoreError error;
        const auto fresh = m_reader->conversation(id, &error);
        if (error.isError())
            continue; // could not read it (the store is out of reach): show it as it was, not gone
        const int existing = rowOf(id);
        const bool keep = fresh && belongs(*fresh) && fresh->lastMessageAt.isValid();
        if (m_orderHeld) {
            holdChange(id, existing, keep ? &*fresh : nullptr);
            continue;
        }
        if (!keep) {
            if (existing >= 0) {
                beginRemoveRows({}, existing, existing);
                m_rows.removeAt(existing);
                endRemoveRows();
            }
            continue;
        }
        // Where its last activity puts it among the others.
        int position = 0;
        for (int i = 0; i < m_rows.size(); ++i) {
            if (i == existing)
                continue;
            if (before(m_rows.at(i), *fresh))
                ++position;
        }
        if (existing < 0) {
            // Past the loaded pages it will come with a later page.
            if (position == m_rows.size() && !m_atEnd)
                continue;
            beginInsertRows({}, position, position);
            m_rows.insert(position, *fresh);
            endInsertRows();
            continue;
        }
        // Moved rather than removed and inserted, so selection and current row follow it.
        if (position != existing) {
            beginMoveRows({}, existing, existing, {}, position > existing ? position + 1 : position);
            m_rows.move(existing, position);
            endMoveRows();
        }
        m_rows[position] = *fresh;
        Q_EMIT dataChanged(index(position), index(position));
    }
}

void ConversationListModel::holdChange(qint64 id, int existing, const ConversationSummary *fresh)
{
    // What it says changes now, where it is; where it goes waits for the release.
    if (existing >= 0 && fresh) {
        m_rows[existing] = *fresh;
        Q_EMIT dataChanged(index(existing), index(existing));
    }
    const bool moves = existing < 0 ? fresh != nullptr : !fresh
            || (existing > 0 && !before(m_rows.at(existing - 1), *fresh))
            || (existing + 1 < m_rows.size() && before(m_rows.at(existing + 1), *fresh));
    if (moves && !m_heldIds.contains(id)) {
        m_heldIds.insert(id);
        Q_EMIT heldChangesChanged(int(m_heldIds.size()));
    }
}

void ConversationListModel::setOrderHeld(bool held)
{
    if (held == m_orderHeld)
        return;
    m_orderHeld = held;
    if (held || m_heldIds.isEmpty())
        return;
    const QSet<qint64> waiting = std::exchange(m_heldIds, {});
    refresh(waiting);
    Q_EMIT heldChangesChanged(0);
}

void ConversationListModel::windowChanged(qint64 conversationId)
{
    const int row = rowOf(conversationId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {WindowStateRole, WindowOpenUntilRole});
}

} // namespace Mostrador
