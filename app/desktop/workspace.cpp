#include "workspace.h"

#include "common/applicationidentity.h"
#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "automation/quickreplies.h"
#include "composer/composer.h"
#include "customer/customerpane.h"
#include "customerprivacy.h"
#include "reports/ratecard.h"
#include "draftkeeper.h"
#include "identity/phonenumbers.h"
#include "inbox/conversationlistmodel.h"
#include "inbox/inboxpane.h"
#include "inbox/searchresultsmodel.h"
#include "inboxnavigation.h"
#include "mainwindow/mainwindow.h"
#include "media/mediadownloader.h"
#include "newmessagealerts.h"
#include "outbox/messagesender.h"
#include "widgets/undotoast.h"
#include "inbox/newconversationdialog.h"
#include "services/conversationchanges.h"
#include "services/customerblocking.h"
#include "campaigns/consentstore.h"
#include "customers/customerdirectorystore.h"
#include "services/shopservices.h"
#include "inbox/labelstore.h"
#include "inbox/shopeditstore.h"
#include "conversations/conversationstore.h"
#include "team/readreceipts.h"
#include "thread/messagelistmodel.h"
#include "thread/threadpane.h"
#include "window/windowtracker.h"

#include <QDir>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>
#include <QTimer>
#include <QStatusBar>

namespace Mostrador {

Workspace::Workspace(ShopServices &shop, MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
    , m_conversations(std::make_unique<ConversationListModel>(shop.database(), &shop.windows()))
    , m_messages(std::make_unique<MessageListModel>(shop.database()))
    , m_searchResults(std::make_unique<SearchResultsModel>(shop.database()))
    , m_edits(std::make_unique<ShopEditStore>(shop.database()))
    , m_reader(std::make_unique<ConversationStore>(shop.database()))
    , m_labels(std::make_unique<LabelStore>(shop.database()))
    , m_quickReplies(std::make_unique<QuickReplyStore>(shop.database()))
    , m_receipts(shop.database().dialect().isSqlite() ? nullptr : std::make_unique<ReadReceipts>(shop.database(), shop.clock()))
    , m_drafts(std::make_unique<DraftKeeper>(*m_edits))
{
    seedLabels();
    m_conversations->setView(ConversationFilter::View::Open);
    m_conversations->reload();

    m_inbox = new InboxPane(*m_conversations, *m_searchResults, shop.clock());
    m_thread = new ThreadPane(*m_messages, *m_conversations, shop.windows(), shop.sender(), shop.clock());
    m_customer = new CustomerPane(*m_edits, *m_labels);
    window.setWorkPanes(m_inbox, m_thread, m_customer);
    m_thread->addHeaderAction(window.customerDetailsAction());
    m_navigation = std::make_unique<InboxNavigation>(*m_conversations, *m_inbox);
    m_alerts = std::make_unique<NewMessageAlerts>(*m_conversations, *m_reader, window);
    connect(m_alerts.get(), &NewMessageAlerts::openRequested, this, [this](qint64 conversationId) {
        bringToFront(conversationId);
        if (!conversationId)
            m_navigation->openNextUnread(m_thread->conversation()); // the notification naming several customers
    });

    connectPanes();
    connectSending();
    connectBlocking();
    connect(&window, &MainWindow::newConversationRequested, this, &Workspace::startConversation);
    reloadQuickReplies();
    installShortcuts();
    connect(&shop.changes(), &ConversationChanges::changed, this, &Workspace::showChanges);
    connect(&shop.windows(), &WindowTracker::windowChanged, m_conversations.get(), &ConversationListModel::windowChanged);
    loadTemplates();
    updateUnread({});
}

Workspace::~Workspace()
{
    keepDraft();
}

void Workspace::connectPanes()
{
    connect(m_inbox, &InboxPane::conversationChosen, this, &Workspace::open);
    connect(m_inbox, &InboxPane::searchResultChosen, this, [this](qint64 conversationId, qint64 messageId) {
        open(conversationId);
        if (messageId)
            m_thread->showMessage(messageId);
    });
    connect(m_thread, &ThreadPane::resolveRequested, this, &Workspace::resolveAndNext);
    connect(m_thread->composer(), &Composer::quickReplyUsed, this, [this](qint64 id) {
        if (!m_quickReplies->recordUse(id).isError())
            reloadQuickReplies(); // the most used float up
    });
    connect(&m_window.undoToast(), &UndoToast::undoRequested, this, &Workspace::undoResolve);
    connect(m_inbox, &InboxPane::statusChosen, this, [this](qint64 conversationId, const QString &status) {
        const QString name = nameOf(conversationId); // before it leaves the Open view
        if (!changeStatus(conversationId, status))
            return;
        if (status == QLatin1String("resolved"))
            offerUndoResolve(conversationId, name);
        if (conversationId == m_thread->conversation())
            m_thread->refresh();
    });
    connect(m_thread, &ThreadPane::statusChosen, this, [this](const QString &status) {
        if (status == QLatin1String("resolved")) {
            resolveAndNext();
            return;
        }
        if (const qint64 current = m_thread->conversation())
            changeStatus(current, status);
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
    connect(m_customer, &CustomerPane::saveFailed, this, &Workspace::showProblem);
    connect(m_customer, &CustomerPane::promotionsRefused, m_thread->composer(), &Composer::setPromotionsRefused);
    connect(m_thread, &ThreadPane::promotionSentPastNo, this, &Workspace::recordPromotionPastNo);
    m_privacy = std::make_unique<CustomerPrivacy>(m_shop, m_window);
    connect(m_customer, &CustomerPane::exportRequested, m_privacy.get(), &CustomerPrivacy::exportData);
    connect(m_customer, &CustomerPane::forgetRequested, m_privacy.get(), &CustomerPrivacy::forget);
    connect(m_privacy.get(), &CustomerPrivacy::failed, this, &Workspace::showProblem);
    connect(m_privacy.get(), &CustomerPrivacy::forgotten, this, [this] { open(0); });
    if (const QString notice = m_privacy->retentionNotice(); !notice.isEmpty())
        QTimer::singleShot(0, this, [this, notice] { showProblem(notice); });
}

void Workspace::connectSending()
{
    MessageSender &sender = m_shop.sender();
    connect(m_thread, &ThreadPane::sendFailed, this, &Workspace::showProblem);
    connect(m_thread->composer(), &Composer::attachFile, this, [this](const QString &path, const QString &caption, const QString &shownName) {
        if (const qint64 conversation = m_thread->conversation())
            m_shop.sender().sendFile(conversation, path, caption, shownName, m_thread->composer()->replyTo());
    });
    connect(&sender, &MessageSender::fileUploading, this, [this](qint64, const QString &fileName) {
        m_window.statusBar()->showMessage(tr("Sending %1…").arg(fileName));
    });
    connect(&sender, &MessageSender::fileFailed, this, [this](qint64, const QString &reason) { showProblem(reason); });
    connect(&sender, &MessageSender::fileQueued, this, [this](qint64 conversationId) {
        m_window.statusBar()->clearMessage();
        if (conversationId != m_thread->conversation())
            return;
        m_thread->composer()->clear();
        m_thread->refresh();
    });
}

// Kept with the name of whoever confirmed it: the team member's sign-in, or this computer's user.
void Workspace::recordPromotionPastNo(qint64 conversationId, qint64 messageId, const QString &templateName)
{
    const QString sentBy = personActing(m_shop.database().location().user);
    if (StoreError error = ConsentStore(m_shop.database()).recordPromotionPastNo(conversationId, messageId, templateName, sentBy,
                                                                                 m_shop.clock().now());
        error.isError()) {
        showProblem(tr("The promotion was sent, but it could not be noted that it went past the customer's no: %1")
                        .arg(error.userMessage));
    }
}

void Workspace::connectBlocking()
{
    CustomerBlocking &blocking = m_shop.blocking();
    connect(m_customer, &CustomerPane::blockRequested, this, [this](qint64 conversationId, bool block) {
        const int row = m_conversations->rowOf(conversationId);
        const QString name = row >= 0 ? m_conversations->index(row).data(ConversationListModel::CustomerNameRole).toString() : QString();
        if (block
            && QMessageBox::question(&m_window, tr("Block %1?").arg(name),
                                     tr("%1 will not be able to write to the shop, and the shop will not be able to write to them. "
                                        "The conversation stays here. You can unblock them later.").arg(name),
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                   != QMessageBox::Yes)
            return;
        block ? m_shop.blocking().block(conversationId) : m_shop.blocking().unblock(conversationId);
    });
    connect(&blocking, &CustomerBlocking::changed, this, [this](qint64 conversationId) {
        m_conversations->refresh({conversationId});
        if (conversationId == m_thread->conversation())
            m_customer->showConversation(conversationId);
    });
    connect(&blocking, &CustomerBlocking::failed, this, [this](qint64, const QString &reason) {
        QMessageBox::information(&m_window, tr("Not blocked"), reason);
    });
}

void Workspace::startConversation()
{
    CustomerDirectoryStore directory(m_shop.database());
    NewConversationDialog dialog(directory, m_shop.region(), &m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.recipient().isEmpty())
        return;
    StoreError error;
    const auto conversation = m_shop.sender().conversationWith(dialog.recipient(), &error);
    if (!conversation) {
        showProblem(error.userMessage);
        return;
    }
    m_conversations->refresh({*conversation});
    m_inbox->selectConversation(*conversation);
    open(*conversation);
    m_thread->composer()->setFocus();
}

void Workspace::showProblem(const QString &reason)
{
    m_window.showProblem(reason);
}

void Workspace::keepDraft()
{
    if (const qint64 current = m_thread->conversation())
        m_drafts->keep(current, m_thread->composer()->text());
}

void Workspace::saveKeptDrafts()
{
    m_drafts->storeKept();
}

void Workspace::openFirstConversation()
{
    m_navigation->openMostWaiting();
}

// What WhatsApp sent that the store refused was kept aside, the rest stored: the shop is told once
// for each new one, so nothing goes unseen.
void Workspace::tellKeptAside()
{
    // Counted at most every half minute: changes arrive with every webhook batch.
    if (m_keptAsideChecked.isValid() && m_keptAsideChecked.elapsed() < 30 * 1000)
        return;
    m_keptAsideChecked.start();
    StoreError error;
    const int keptAside = m_reader->keptAsideCount(&error);
    QSettings settings;
    const int told = settings.value(QStringLiteral("notices/keptAsideTold"), 0).toInt();
    if (keptAside <= told)
        return;
    settings.setValue(QStringLiteral("notices/keptAsideTold"), keptAside);
    showProblem(tr("%n message(s) or status(es) from WhatsApp could not be stored and were kept aside exactly as they came, with "
                   "the reason; everything else was stored. Nothing is lost: make a backup and send it to Mostrador's support so "
                   "they can be looked at.", nullptr, keptAside - told));
}

void Workspace::showChanges(const QSet<qint64> &ids)
{
    tellKeptAside();
    const qint64 current = m_thread->conversation();
    if (ids.isEmpty()) {
        // Too many to list (or missed while a team's connection was lost): everything may have
        // changed, the 24-hour windows too, or a conversation that arrived meanwhile reads as closed.
        m_shop.windows().reload();
        m_conversations->reload();
    } else {
        m_shop.windows().refresh(ids);
        m_conversations->refresh(ids);
    }
    if (current)
        m_inbox->selectConversation(current);
    if (ids.isEmpty() || ids.contains(current)) {
        m_thread->refresh();
        m_customer->refresh();
    }
    updateUnread(ids);
}

void Workspace::open(qint64 conversationId)
{
    if (conversationId == m_thread->conversation())
        return;
    keepDraft();
    m_inbox->setOpenConversation(conversationId);
    const int row = m_conversations->rowOf(conversationId);
    const int unread = row >= 0 ? m_conversations->index(row).data(ConversationListModel::UnreadCountRole).toInt() : 0;
    m_thread->showConversation(conversationId);
    Q_EMIT conversationOpened(conversationId);
    // Many unread: start at the first of them rather than at the newest.
    if (unread > 1)
        m_thread->showFirstUnread(unread);
    m_thread->composer()->setText(m_drafts->draft(conversationId));
    QString digits = m_conversations->conversationData(conversationId, ConversationListModel::PhoneRole).toString();
    digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
    m_thread->composer()->setCustomer(m_conversations->conversationData(conversationId, ConversationListModel::CustomerNameRole).toString(),
                                      PhoneNumbers::languageOf(digits));
    m_customer->showConversation(conversationId);
    // Opening marks it read, here and on the customer's phone (the blue ticks).
    markRead(conversationId);
}

void Workspace::setShop(const std::optional<OpeningHours> &hours, const QString &shopName)
{
    m_thread->setOpeningHours(hours);
    m_thread->composer()->setShopName(shopName);
}

void Workspace::reloadPrices()
{
    QString problem;
    m_thread->setRateCard(RateCard::forShop(m_shop.database(), &problem));
    if (!problem.isEmpty())
        m_window.setConnectionDescription(problem);
}

void Workspace::reloadConversations()
{
    m_conversations->reload();
}

void Workspace::reloadQuickReplies()
{
    StoreError error;
    const QList<QuickReply> replies = m_quickReplies->all(&error);
    if (error.isError())
        m_window.setConnectionDescription(error.userMessage);
    m_thread->composer()->setQuickReplies(replies);
}

void Workspace::markRead(qint64 conversationId)
{
    m_alerts->withdraw(conversationId);
    StoreError error;
    const QString latest = m_edits->markRead(conversationId, &error);
    if (error.isError()) {
        showProblem(error.userMessage);
        return;
    }
    // The read receipt needs the token; a team desktop has none, so it asks the server to send it.
    CloudApiClient &client = m_shop.client();
    if (!latest.isEmpty() && !client.config().accessToken.isEmpty())
        client.markRead(latest);
    else if (!latest.isEmpty() && m_receipts) {
        if (const StoreError asked = m_receipts->request(latest, conversationId); asked.isError())
            showProblem(tr("Read here, but the customer will not see it as read: %1").arg(asked.userMessage));
    }
    m_conversations->refresh({conversationId});
    updateUnread({});
}

void Workspace::resolveAndNext()
{
    const qint64 current = m_thread->conversation();
    if (!current)
        return;
    const int row = m_conversations->rowOf(current);
    const QString name = nameOf(current); // before it leaves the Open view
    if (!changeStatus(current, QStringLiteral("resolved")))
        return;
    offerUndoResolve(current, name);
    m_navigation->openNextWaiting(current, row);
}

QString Workspace::nameOf(qint64 conversationId) const
{
    const int row = m_conversations->rowOf(conversationId);
    return row >= 0 ? m_conversations->index(row).data(ConversationListModel::CustomerNameRole).toString() : QString();
}

void Workspace::offerUndoResolve(qint64 conversationId, const QString &name)
{
    m_lastResolved = conversationId;
    m_window.undoToast().offer(tr("Resolved: %1").arg(name));
}

void Workspace::undoResolve()
{
    const qint64 conversationId = std::exchange(m_lastResolved, 0);
    if (!conversationId)
        return;
    if (changeStatus(conversationId, QStringLiteral("open")))
        bringToFront(conversationId);
}

bool Workspace::changeStatus(qint64 conversationId, const QString &status)
{
    if (const StoreError error = m_edits->setStatus(conversationId, status); error.isError()) {
        showProblem(tr("The conversation's status was not changed: %1").arg(error.userMessage));
        if (conversationId == m_thread->conversation())
            m_thread->refresh(); // its status box goes back to what the store holds
        return false;
    }
    m_conversations->refresh({conversationId});
    updateUnread({});
    return true;
}

void Workspace::installShortcuts()
{
    const auto add = [this](const QKeySequence &keys, auto slot) {
        auto *shortcut = new QShortcut(keys, &m_window);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { resolveAndNext(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { resolveAndNext(); });
    add(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { m_navigation->move(m_thread->conversation(), 1); });
    add(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { m_navigation->move(m_thread->conversation(), -1); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this] { m_navigation->openNextUnread(m_thread->conversation()); });
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
    // The first four are an order's stages: they move with the orders (see LabelStore).
    const StoreError error = m_labels->seedIfEmpty({{tr("New order"), QStringLiteral("#3b82c4"), OrderStage::New},
                           {tr("Pending payment"), QStringLiteral("#e0a800"), OrderStage::PendingPayment},
                           {tr("Paid"), QStringLiteral("#1fa67a"), OrderStage::Paid},
                           {tr("Shipped"), QStringLiteral("#8e5bb5"), OrderStage::Shipped},
                           {tr("Follow up"), QStringLiteral("#c03e5a"), std::nullopt}});
    if (error.isError())
        showProblem(tr("The order labels could not be created: %1").arg(error.userMessage));
}

DesktopNotifier &Workspace::notifier()
{
    return m_alerts->notifier();
}

void Workspace::bringToFront(qint64 conversationId)
{
    if (m_window.isMinimized())
        m_window.setWindowState(m_window.windowState() & ~Qt::WindowMinimized);
    m_window.show();
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
    m_window.setUnreadCount(unread);
    m_alerts->update(unread, changed);
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
    m_shop.windows().evaluate();
}

void Workspace::loadTemplates()
{
    // Not connected: nothing to ask (and never ask Meta without a token).
    CloudApiClient &client = m_shop.client();
    if (client.config().accessToken.isEmpty())
        return;
    GraphJob *job = client.templates();
    connect(job, &ApiJob::finished, this, [this, job] {
        if (job->succeeded())
            m_thread->composer()->setTemplates(TemplatesPage::fromJson(job->response()).templates);
    });
}

} // namespace Mostrador
