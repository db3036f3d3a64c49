#pragma once

#include "automation/openinghours.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class QSystemTrayIcon;

namespace Mostrador {

class Clock;
class CloudApiClient;
class DesktopNotifier;
class ConversationListModel;
class CustomerPane;
class LabelStore;
class QuickReplyStore;
class ReadReceipts;
class SearchResultsModel;
class ShopEdits;
class StoreReader;
class Database;
class InboxPane;
class MainWindow;
class MessageListModel;
class MediaDownloader;
class Outbox;
class ThreadPane;
class WebhookIngestor;
class WindowTracker;

// The inbox and thread, wired to the store, the 24-hour windows and the outbox: what the shop
// works in all day. Keeps the panes current as webhooks and statuses arrive.
class Workspace final : public QObject
{
    Q_OBJECT

public:
    Workspace(Database &database, WebhookIngestor &ingestor, Outbox &outbox, CloudApiClient &client, const Clock &clock,
              MainWindow &window, QObject *parent = nullptr);
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
    // Moves the selection by `step` conversations, or to the next one with unread messages.
    void moveSelection(int step);
    void openNextUnread();
    // Shows what changed in these conversations (stored here or, in team mode, by another
    // desktop or the server); an empty set means anything may have changed.
    void showChanges(const QSet<qint64> &conversationIds);
    [[nodiscard]] ThreadPane &threadPane() { return *m_thread; }
    [[nodiscard]] InboxPane &inboxPane() { return *m_inbox; }
    [[nodiscard]] MessageListModel &messageModel() { return *m_messages; }
    [[nodiscard]] DesktopNotifier &notifier() { return *m_notifier; }

    // Drafts the store could not take are kept in memory (and shown again); this stores them.
    void saveKeptDrafts();

    // Re-reads the quick replies (they were edited in their dialog).
    void reloadQuickReplies();
    // The shop's hours, when it has set them (the composer offers "At opening" while closed),
    // and its name for {tienda} in quick replies.
    void setShop(const std::optional<OpeningHours> &hours, const QString &shopName);

Q_SIGNALS:
    void conversationOpened(qint64 conversationId);

private:
    void loadTemplates(CloudApiClient &client);
    void updateUnread(const QSet<qint64> &changed);
    void notifyNewMessages(const QSet<qint64> &changed);
    [[nodiscard]] QString latestCustomerText(qint64 conversationId);
    void setUpNotifications();
    void bringToFront(qint64 conversationId);
    void seedLabels();
    void open(qint64 conversationId);
    void markRead(qint64 conversationId);
    void attach(const QString &path, const QString &caption, const QString &shownName = {});
    void keepDraft();
    void installShortcuts(MainWindow &window);

    std::unique_ptr<WindowTracker> m_windows;
    std::unique_ptr<ConversationListModel> m_conversations;
    std::unique_ptr<MessageListModel> m_messages;
    std::unique_ptr<SearchResultsModel> m_searchResults;
    std::unique_ptr<ShopEdits> m_edits;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<LabelStore> m_labels;
    std::unique_ptr<QuickReplyStore> m_quickReplies;
    std::unique_ptr<ReadReceipts> m_receipts; // team mode: asked of the server
    QHash<qint64, QString> m_unsavedDrafts;   // by conversation, while the store cannot take them
    CloudApiClient &m_client;
    Outbox &m_outbox;
    InboxPane *m_inbox = nullptr;
    ThreadPane *m_thread = nullptr;
    CustomerPane *m_customer = nullptr;
    MainWindow &m_window;
    QSystemTrayIcon *m_tray = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    QHash<qint64, int> m_notifiedUnread; // by conversation: how many unread the last notification told of
    int m_unread = 0;
};

} // namespace Mostrador
