#pragma once

#include "automation/openinghours.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

namespace Mostrador {

class ConversationListModel;
class CustomerPane;
class CustomerPrivacy;
class DesktopNotifier;
class DraftKeeper;
class InboxNavigation;
class InboxPane;
class LabelStore;
class MainWindow;
class MediaDownloader;
class MessageListModel;
class NewMessageAlerts;
class QuickReplyStore;
class ReadReceipts;
class SearchResultsModel;
class ShopEditStore;
class ShopServices;
class ConversationStore;
class ThreadPane;

// The inbox, thread and customer panes wired to one shop's services: what the shop works in all
// day. Keeps the panes current as conversations change (ShopServices::changes).
class Workspace final : public QObject
{
    Q_OBJECT

public:
    Workspace(ShopServices &shop, MainWindow &window, QObject *parent = nullptr);
    ~Workspace() override;

    // Opens the conversation with the most unread messages (for the demo and screenshots).
    void openFirstConversation();

    // Brings every 24-hour window up to the clock now (its timer does this by itself).
    void evaluateWindows();

    // Re-reads the open conversation (a file finished downloading, say).
    void refreshOpenConversation();
    // Shows the downloads of customers' files as they progress and when they are done.
    void followDownloads(MediaDownloader &media);

    // Marks the open conversation resolved and opens the next one waiting for an answer.
    void resolveAndNext();
    // Shows what changed in these conversations; an empty set means anything may have changed.
    void showChanges(const QSet<qint64> &conversationIds);
    [[nodiscard]] ThreadPane &threadPane() { return *m_thread; }
    [[nodiscard]] InboxPane &inboxPane() { return *m_inbox; }
    [[nodiscard]] MessageListModel &messageModel() { return *m_messages; }
    [[nodiscard]] CustomerPane &customerPane() { return *m_customer; }
    [[nodiscard]] DesktopNotifier &notifier();

    // Drafts the store could not take are kept in memory (and shown again); this stores them.
    void saveKeptDrafts();

    // Raises the window (as it was: a maximised window stays so) and opens the conversation,
    // selected in the list (from a notification, a report).
    void bringToFront(qint64 conversationId);

    // Re-reads the quick replies (they were edited in their dialog).
    void reloadQuickReplies();
    // The whole list read again (after history was imported).
    void reloadConversations();
    // The shop's hours, when it has set them (the composer offers "At opening" while closed),
    // and its name for {tienda} in quick replies.
    void setShop(const std::optional<OpeningHours> &hours, const QString &shopName);
    // Reads the shop's rate cards again: what a send costs, said in the composer.
    void reloadPrices();
    // Tells the person, in the window's problem bar, what could not be done.
    void showProblem(const QString &reason);

Q_SIGNALS:
    void conversationOpened(qint64 conversationId);

private:
    void tellKeptAside();
    void connectPanes();
    void connectSending();
    void loadTemplates();
    void updateUnread(const QSet<qint64> &changed);
    void seedLabels();
    void open(qint64 conversationId);
    void markRead(qint64 conversationId);
    // Says a refused change to the person; true when the conversation now has `status`.
    bool changeStatus(qint64 conversationId, const QString &status);
    void keepDraft();
    void installShortcuts();
    // "Resolved: Lucía · Undo" after resolving; undoing opens it again (and takes the
    // resolution back from the reports).
    void offerUndoResolve(qint64 conversationId, const QString &name);
    // The customer's name as the list shows it (empty when the list does not show them).
    [[nodiscard]] QString nameOf(qint64 conversationId) const;
    void undoResolve();
    void startConversation();
    void connectBlocking();
    void recordPromotionPastNo(qint64 conversationId, qint64 messageId, const QString &templateName);

    ShopServices &m_shop;
    MainWindow &m_window;
    std::unique_ptr<ConversationListModel> m_conversations;
    std::unique_ptr<MessageListModel> m_messages;
    std::unique_ptr<SearchResultsModel> m_searchResults;
    std::unique_ptr<ShopEditStore> m_edits;
    std::unique_ptr<ConversationStore> m_reader;
    std::unique_ptr<LabelStore> m_labels;
    std::unique_ptr<QuickReplyStore> m_quickReplies;
    std::unique_ptr<ReadReceipts> m_receipts; // team mode: asked of the server
    std::unique_ptr<DraftKeeper> m_drafts;
    InboxPane *m_inbox = nullptr;
    ThreadPane *m_thread = nullptr;
    CustomerPane *m_customer = nullptr;
    std::unique_ptr<InboxNavigation> m_navigation;
    std::unique_ptr<NewMessageAlerts> m_alerts;
    std::unique_ptr<CustomerPrivacy> m_privacy;
    QElapsedTimer m_keptAsideChecked;
    qint64 m_lastResolved = 0; // what the undo toast would reopen
};

} // namespace Mostrador
