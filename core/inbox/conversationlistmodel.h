#pragma once

#include "conversations/conversationtypes.h"

#include <QAbstractListModel>
#include <QSet>

#include <optional>

namespace Mostrador {

class Database;
class ConversationStore;
class WindowTracker;
struct StoreError;

// The inbox: conversations by last activity, read from the store in pages as the view scrolls
// (canFetchMore/fetchMore), kept up to date from the ingestor's change notices.
class ConversationListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        CustomerNameRole,
        InitialsRole,
        PhoneRole,           // how WhatsApp knows them: the number as people read it, else @username, else their id
        PreviewRole,
        LastMessageAtRole,
        LastDirectionRole,   // Direction
        LastStatusRole,      // DeliveryStatus
        LastKindRole,        // MessageKind
        UnreadCountRole,
        StatusRole,          // open, pending, resolved
        WindowStateRole,     // ServiceWindow::State
        WindowOpenUntilRole, // QDateTime
        LabelColorsRole,     // QStringList of #rrggbb
        UsernameRole,        // their WhatsApp user name, without @ (may be empty)
        BlockedRole,         // bool: on the number's block list
        HeldByMetaAgentRole, // bool: Meta's AI agent is answering this customer
        AnsweredAutomaticallyRole, // bool: the last message is an automatic reply; the preview is then the customer's words
        CountryRole,         // the customer's market as Meta prices it: the number's country (ISO 3166), "" when unknown
    };
    Q_ENUM(Role)

    ConversationListModel(Database &database, const WindowTracker *windows, QObject *parent = nullptr);
    ~ConversationListModel() override;

    void setView(ConversationFilter::View view);
    // 0 shows every label.
    void setLabel(qint64 labelId);
    // Team mode: Mine (assigned to `agentId`), Unassigned, or everyone's.
    void setAssignment(ConversationFilter::Assignment assignment, qint64 agentId);
    void setSort(ConversationFilter::Sort sort);
    [[nodiscard]] ConversationFilter::View view() const { return m_filter.view; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] int rowOf(qint64 conversationId) const;
    // A role of any conversation, shown in the list or not (one opened from a search result in
    // another view): the header and the composer need its name and number either way.
    [[nodiscard]] QVariant conversationData(qint64 conversationId, int role) const;
    [[nodiscard]] qint64 idAt(int row) const;

    // Re-reads these conversations and moves them to where their last activity puts them.
    // While the order is held, rows change in place and moves, arrivals and departures wait.
    void refresh(const QSet<qint64> &conversationIds);

    // Holds the rows where they are (the pointer is over the list, a key was just pressed):
    // nothing moves under the person about to click. Releasing puts everything in its place.
    void setOrderHeld(bool held);
    [[nodiscard]] bool isOrderHeld() const { return m_orderHeld; }
    // Conversations that will move, arrive or leave when the order is released.
    [[nodiscard]] int heldChanges() const { return int(m_heldIds.size()); }
    // Repaints the window chips (connect to WindowTracker::windowChanged).
    void windowChanged(qint64 conversationId);
    // Drops everything and reads the first page again.
    void reload();

    [[nodiscard]] static QString initials(const QString &name);

    static constexpr int kPageSize = 100;

Q_SIGNALS:
    void heldChangesChanged(int count);

private:
    [[nodiscard]] QVariant valueOf(const ConversationSummary &row, int role) const;
    // The page after the rows held (the first when none); notes when there is no more.
    // The page after the rows held (from the first when `fromStart`).
    [[nodiscard]] QList<ConversationSummary> nextPage(bool fromStart, StoreError *error);
    [[nodiscard]] bool belongs(const ConversationSummary &row) const;
    void holdChange(qint64 id, int existing, const ConversationSummary *fresh);
    // Whether `a` comes before `b` in the current sort.
    [[nodiscard]] bool before(const ConversationSummary &a, const ConversationSummary &b) const;

    std::unique_ptr<ConversationStore> m_reader;
    mutable std::optional<ConversationSummary> m_outsideView; // the last conversation asked for that the list does not show
    const WindowTracker *m_windows;
    ConversationFilter m_filter;
    QList<ConversationSummary> m_rows;
    bool m_atEnd = false;
    bool m_orderHeld = false;
    QSet<qint64> m_heldIds;
};

} // namespace Mostrador
