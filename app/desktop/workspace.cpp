#include "workspace.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "api/messagepayloads.h"
#include "api/uploadmediajob.h"
#include "automation/quickreplies.h"
#include "media/medialimits.h"
#include "common/clock.h"
#include "composer/composer.h"
#include "desktopnotifier.h"
#include "customer/customerpane.h"
#include "inbox/conversationlistmodel.h"
#include "inbox/inboxpane.h"
#include "inbox/searchresultsmodel.h"
#include "mainwindow/mainwindow.h"
#include "media/mediadownloader.h"
#include "outbox/outbox.h"
#include "store/labelstore.h"
#include "store/shopedits.h"
#include "store/storereader.h"
#include "store/database.h"
#include "store/webhookingestor.h"
#include "team/readreceipts.h"
#include "thread/messagelistmodel.h"
#include "thread/threadpane.h"
#include "window/windowtracker.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QListView>
#include <QShortcut>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace Mostrador {

Workspace::Workspace(Database &database, WebhookIngestor &ingestor, Outbox &outbox, CloudApiClient &client, const Clock &clock,
                     MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_windows(std::make_unique<WindowTracker>(database, clock))
    , m_conversations(std::make_unique<ConversationListModel>(database, m_windows.get()))
    , m_messages(std::make_unique<MessageListModel>(database))
    , m_searchResults(std::make_unique<SearchResultsModel>(database))
    , m_edits(std::make_unique<ShopEdits>(database))
    , m_reader(std::make_unique<StoreReader>(database))
    , m_labels(std::make_unique<LabelStore>(database))
    , m_quickReplies(std::make_unique<QuickReplyStore>(database))
    , m_receipts(database.dialect().isSqlite() ? nullptr : std::make_unique<ReadReceipts>(database, clock))
    , m_client(client)
    , m_outbox(outbox)
    , m_window(window)
{
    seedLabels();
    m_windows->reload();
    outbox.setWindowTracker(m_windows.get());
    m_conversations->setView(ConversationFilter::View::Open);
    m_conversations->reload();

    m_inbox = new InboxPane(*m_conversations, *m_searchResults, clock);
    m_thread = new ThreadPane(*m_messages, *m_conversations, *m_windows, outbox, clock);
    m_customer = new CustomerPane(*m_edits, *m_labels);
    window.setWorkPanes(m_inbox, m_thread, m_customer);

    connect(m_inbox, &InboxPane::conversationChosen, this, &Workspace::open);
    connect(m_inbox, &InboxPane::searchResultChosen, this, [this](qint64 conversationId, qint64 messageId) {
        open(conversationId);
        if (messageId)
            m_thread->showMessage(messageId);
    });
    connect(m_thread, &ThreadPane::resolveRequested, this, &Workspace::resolveAndNext);
    connect(m_thread->composer(), &Composer::attachFile, this, &Workspace::attach);
    reloadQuickReplies();
    connect(m_thread->composer(), &Composer::quickReplyUsed, this, [this](qint64 id) {
        if (!m_quickReplies->recordUse(id))
            reloadQuickReplies(); // the most used float up
    });
    connect(m_inbox, &InboxPane::statusChosen, this, [this](qint64 conversationId, const QString &status) {
        if (!m_edits->setStatus(conversationId, status)) {
            m_conversations->refresh({conversationId});
            if (conversationId == m_thread->conversation())
                m_thread->refresh();
            updateUnread({});
        }
    });
    connect(m_thread, &ThreadPane::statusChosen, this, [this](const QString &status) {
        if (status == QLatin1String("resolved")) {
            resolveAndNext();
            return;
        }
        const qint64 current = m_thread->conversation();
        if (current && !m_edits->setStatus(current, status))
            m_conversations->refresh({current});
    });
    connect(m_customer, &CustomerPane::customerRenamed, this, [this] {
        const qint64 current = m_thread->conversation();
        m_conversations->refresh({current});
        m_inbox->selectConversation(current);
        m_thread->refresh();
    });
    const auto refreshLabels = [this] {
        StoreError error;
        m_inbox->setLabels(m_labels->labels(&error));
    };
    refreshLabels();
    connect(m_customer, &CustomerPane::labelsChanged, this, [this, refreshLabels](qint64 conversationId) {
        m_conversations->refresh({conversationId});
        refreshLabels();
    });
    connect(m_customer, &CustomerPane::saveFailed, &window, [&window](const QString &reason) {
        window.statusBar()->showMessage(reason, 10000);
    });
    installShortcuts(window);
    connect(m_thread, &ThreadPane::sendFailed, &window, [&window](const QString &reason) {
        window.statusBar()->showMessage(reason, 10000);
    });
    connect(&ingestor, &WebhookIngestor::conversationsChanged, this, &Workspace::showChanges);
    connect(m_windows.get(), &WindowTracker::windowChanged, m_conversations.get(), &ConversationListModel::windowChanged);
    const auto outgoingChanged = [this] {
        const qint64 current = m_thread->conversation();
        if (!current)
            return;
        m_conversations->refresh({current});
        m_inbox->selectConversation(current);
        m_thread->refresh();
    };
    connect(&outbox, &Outbox::messageAccepted, this, outgoingChanged);
    connect(&outbox, &Outbox::messageFailed, this, outgoingChanged);
    loadTemplates(client);
    setUpNotifications();
    updateUnread({});
}

Workspace::~Workspace()
{
    keepDraft();
}

void Workspace::keepDraft()
{
    const qint64 current = m_thread->conversation();
    if (!current)
        return;
    // A store that cannot take it (full disk, a team's server out of reach): kept here meanwhile.
    const QString text = m_thread->composer()->text();
    if (m_edits->saveDraft(current, text))
        m_unsavedDrafts.insert(current, text);
    else
        m_unsavedDrafts.remove(current);
}

void Workspace::saveKeptDrafts()
{
    for (auto it = m_unsavedDrafts.begin(); it != m_unsavedDrafts.end();) {
        if (m_edits->saveDraft(it.key(), it.value()))
            ++it;
        else
            it = m_unsavedDrafts.erase(it);
    }
}

void Workspace::openFirstConversation()
{
    // The one with the most waiting: where a person would start.
    int best = -1;
    int most = -1;
    for (int row = 0; row < m_conversations->rowCount(); ++row) {
        const int unread = m_conversations->index(row).data(ConversationListModel::UnreadCountRole).toInt();
        if (unread > most) {
            most = unread;
            best = row;
        }
    }
    if (best >= 0)
        m_inbox->list()->setCurrentIndex(m_conversations->index(best));
}

void Workspace::showChanges(const QSet<qint64> &ids)
{
    const qint64 current = m_thread->conversation();
    if (ids.isEmpty()) {
        m_conversations->reload(); // too many to list: everything may have changed
    } else {
        m_windows->refresh(ids);
        m_conversations->refresh(ids);
    }
    if (current)
        m_inbox->selectConversation(current);
    if (ids.isEmpty() || ids.contains(current))
        m_thread->refresh();
    updateUnread(ids);
}

void Workspace::open(qint64 conversationId)
{
    if (conversationId == m_thread->conversation())
        return;
    keepDraft();
    const int row = m_conversations->rowOf(conversationId);
    const int unread = row >= 0 ? m_conversations->index(row).data(ConversationListModel::UnreadCountRole).toInt() : 0;
    m_thread->showConversation(conversationId);
    Q_EMIT conversationOpened(conversationId);
    // Many unread: start at the first of them rather than at the newest.
    if (unread > 1)
        m_thread->showFirstUnread(unread);
    m_thread->composer()->setText(m_unsavedDrafts.contains(conversationId) ? m_unsavedDrafts.value(conversationId)
                                                                            : m_edits->draft(conversationId));
    m_thread->composer()->setCustomerName(
        row >= 0 ? m_conversations->index(row).data(ConversationListModel::CustomerNameRole).toString() : QString());
    m_customer->showConversation(conversationId);
    // Opening marks it read, here and on the customer's phone (the blue ticks).
    markRead(conversationId);
}

void Workspace::setShop(const std::optional<OpeningHours> &hours, const QString &shopName)
{
    m_thread->setOpeningHours(hours);
    m_thread->composer()->setShopName(shopName);
}

void Workspace::reloadQuickReplies()
{
    StoreError error;
    const QList<QuickReply> replies = m_quickReplies->all(&error);
    if (error)
        m_window.setConnectionDescription(error.userMessage);
    m_thread->composer()->setQuickReplies(replies);
}

void Workspace::markRead(qint64 conversationId)
{
    m_notifier->withdraw(conversationId);
    m_notifiedUnread.remove(conversationId);
    StoreError error;
    const QString latest = m_edits->markRead(conversationId, &error);
    // The read receipt needs the token; a team desktop has none, so it asks the server to send it.
    if (!latest.isEmpty() && !m_client.config().accessToken.isEmpty())
        m_client.markRead(latest);
    else if (!latest.isEmpty() && m_receipts)
        (void)m_receipts->request(latest, conversationId);
    m_conversations->refresh({conversationId});
    updateUnread({});
}

void Workspace::attach(const QString &path, const QString &caption, const QString &shownName)
{
    const qint64 conversation = m_thread->conversation();
    const int row = m_conversations->rowOf(conversation);
    if (row < 0)
        return;
    QFile file(path);
    const QString mime = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).name();
    const MediaLimits::Verdict verdict = MediaLimits::check(mime, file.size());
    if (!verdict.type) {
        m_window.statusBar()->showMessage(verdict.problem, 15000);
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_window.statusBar()->showMessage(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()), 15000);
        return;
    }
    const QString to = m_conversations->index(row).data(ConversationListModel::PhoneRole).toString().remove(QLatin1Char('+'));
    const QString fileName = shownName.isEmpty() ? QFileInfo(path).fileName() : shownName;
    const MessagePayloads::MediaType type = *verdict.type;
    const QString replyTo = m_thread->composer()->replyTo();
    m_window.statusBar()->showMessage(tr("Sending %1…").arg(fileName));
    UploadMediaJob *upload = m_client.uploadMedia(file.readAll(), mime, fileName);
    connect(upload, &ApiJob::finished, this, [this, upload, to, type, caption, fileName, replyTo] {
        if (!upload->succeeded()) {
            m_window.statusBar()->showMessage(upload->error()->userMessage(), 15000);
            return;
        }
        const QJsonObject payload = MessagePayloads::media({to, replyTo, {}}, type, upload->mediaId(), caption, fileName);
        const MessageKind kind = messageKindFromName(MessagePayloads::mediaTypeName(type));
        StoreError error;
        if (!m_outbox.enqueue(to, kind, caption.isEmpty() ? fileName : caption, payload, false, &error)) {
            m_window.statusBar()->showMessage(error.userMessage, 15000);
            return;
        }
        m_window.statusBar()->clearMessage();
        m_thread->composer()->clear();
        m_thread->refresh();
    });
}

void Workspace::resolveAndNext()
{
    const qint64 current = m_thread->conversation();
    if (!current)
        return;
    const int row = m_conversations->rowOf(current);
    if (m_edits->setStatus(current, QStringLiteral("resolved")))
        return;
    m_conversations->refresh({current});
    // The next conversation waiting for us, below where this one was, else from the top.
    const int count = m_conversations->rowCount();
    for (int offset = 0; offset < count; ++offset) {
        const QModelIndex candidate = m_conversations->index((std::max(row, 0) + offset) % count);
        if (candidate.data(ConversationListModel::IdRole).toLongLong() == current)
            continue;
        if (candidate.data(ConversationListModel::LastDirectionRole).value<Direction>() == Direction::Inbound
            && candidate.data(ConversationListModel::StatusRole).toString() != QLatin1String("resolved")) {
            m_inbox->list()->setCurrentIndex(candidate);
            return;
        }
    }
}

void Workspace::moveSelection(int step)
{
    const int count = m_conversations->rowCount();
    if (count == 0)
        return;
    const int row = m_conversations->rowOf(m_thread->conversation());
    m_inbox->list()->setCurrentIndex(m_conversations->index(std::clamp(row + step, 0, count - 1)));
}

void Workspace::openNextUnread()
{
    const int count = m_conversations->rowCount();
    const int row = m_conversations->rowOf(m_thread->conversation());
    for (int offset = 1; offset <= count; ++offset) {
        const QModelIndex candidate = m_conversations->index((std::max(row, 0) + offset) % count);
        if (candidate.data(ConversationListModel::UnreadCountRole).toInt() > 0) {
            m_inbox->list()->setCurrentIndex(candidate);
            return;
        }
    }
}

void Workspace::installShortcuts(MainWindow &window)
{
    const auto add = [&](const QKeySequence &keys, auto slot) {
        auto *shortcut = new QShortcut(keys, &window);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { resolveAndNext(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { resolveAndNext(); });
    add(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveSelection(1); });
    add(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveSelection(-1); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this] { openNextUnread(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_K), [this] { m_inbox->focusSearch(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
        if (const qint64 current = m_thread->conversation())
            markRead(current);
    });
    add(QKeySequence::Find, [this] { m_inbox->focusSearch(); });
}

void Workspace::seedLabels()
{
    // A small shop's order stages, named in the language the shop uses the first time.
    m_labels->seedIfEmpty({{tr("New order"), QStringLiteral("#3b82c4")},
                           {tr("Pending payment"), QStringLiteral("#e0a800")},
                           {tr("Paid"), QStringLiteral("#1fa67a")},
                           {tr("Shipped"), QStringLiteral("#8e5bb5")},
                           {tr("Follow up"), QStringLiteral("#c03e5a")}});
}

void Workspace::setUpNotifications()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] { bringToFront(0); });
        m_tray->show();
    }
    m_notifier = new DesktopNotifier(m_tray, this);
    connect(m_notifier, &DesktopNotifier::activated, this, [this](qint64 conversationId) {
        bringToFront(conversationId);
        if (!conversationId)
            openNextUnread(); // the notification naming several customers
    });
}

void Workspace::bringToFront(qint64 conversationId)
{
    m_window.showNormal();
    m_window.raise();
    m_window.activateWindow();
    if (!conversationId)
        return;
    m_inbox->selectConversation(conversationId);
    if (m_thread->conversation() != conversationId)
        open(conversationId); // not in the view the inbox shows now
}

void Workspace::updateUnread(const QSet<qint64> &changed)
{
    const int unread = m_edits->unreadTotal();
    m_unread = unread;
    m_window.setUnreadCount(unread);
    if (m_tray)
        m_tray->setToolTip(tr("Mostrador: %n unread message(s)", nullptr, unread));
    // Desktop notifications only while the shop is looking elsewhere.
    if (!m_window.isActiveWindow() && m_window.notificationsEnabled())
        notifyNewMessages(changed);
}

// One notification per conversation in which the customer wrote since the last one.
void Workspace::notifyNewMessages(const QSet<qint64> &changed)
{
    for (const qint64 conversationId : changed) {
        const int row = m_conversations->rowOf(conversationId);
        if (row < 0)
            continue;
        const QModelIndex conversation = m_conversations->index(row);
        const int unread = conversation.data(ConversationListModel::UnreadCountRole).toInt();
        if (unread <= m_notifiedUnread.value(conversationId, 0))
            continue; // a delivery tick, or nothing new since the last notification
        m_notifiedUnread.insert(conversationId, unread);
        const QString who = conversation.data(ConversationListModel::CustomerNameRole).toString();
        const QString latest = latestCustomerText(conversationId);
        const QString text = unread > 1 ? tr("%n new messages", nullptr, unread) + QLatin1Char('\n') + latest : latest;
        m_notifier->notify(conversationId, who.isEmpty() ? tr("New message") : who, text);
    }
}

// What the customer wrote last (the conversation's last message may be an automatic reply).
QString Workspace::latestCustomerText(qint64 conversationId)
{
    StoreError error;
    const QList<StoredMessage> newest = m_reader->messages(conversationId, std::nullopt, 10, &error);
    for (const StoredMessage &message : newest) {
        if (message.direction != Direction::Inbound || message.kind == MessageKind::Reaction || message.revoked)
            continue;
        const QString text = message.caption.isEmpty() ? message.body : message.caption;
        if (!text.isEmpty())
            return text;
        switch (message.kind) {
        case MessageKind::Image:
            return tr("Photo");
        case MessageKind::Audio:
            return tr("Voice or audio message");
        default:
            return tr("Sent a file");
        }
    }
    return tr("New message");
}

void Workspace::refreshOpenConversation()
{
    m_thread->refresh();
}

void Workspace::followDownloads(MediaDownloader &media)
{
    connect(&media, &MediaDownloader::mediaReady, this, &Workspace::refreshOpenConversation);
    connect(&media, &MediaDownloader::progress, m_messages.get(), &MessageListModel::setDownloadProgress);
}

void Workspace::evaluateWindows()
{
    m_windows->evaluate();
}

void Workspace::loadTemplates(CloudApiClient &client)
{
    // Not connected: nothing to ask (and never ask Meta without a token).
    if (client.config().accessToken.isEmpty())
        return;
    GraphJob *job = client.templates();
    connect(job, &ApiJob::finished, this, [this, job] {
        if (job->succeeded())
            m_thread->composer()->setTemplates(TemplatesPage::fromJson(job->response()).templates);
    });
}

} // namespace Mostrador
