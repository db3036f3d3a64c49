#include "workspace.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "common/clock.h"
#include "composer/composer.h"
#include "inbox/conversationlistmodel.h"
#include "inbox/inboxpane.h"
#include "mainwindow/mainwindow.h"
#include "outbox/outbox.h"
#include "store/webhookingestor.h"
#include "thread/messagelistmodel.h"
#include "thread/threadpane.h"
#include "window/windowtracker.h"

#include <QListView>
#include <QStatusBar>

namespace Mostrador {

Workspace::Workspace(Database &database, WebhookIngestor &ingestor, Outbox &outbox, CloudApiClient &client, const Clock &clock,
                     MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_windows(std::make_unique<WindowTracker>(database, clock))
    , m_conversations(std::make_unique<ConversationListModel>(database, m_windows.get()))
    , m_messages(std::make_unique<MessageListModel>(database))
{
    m_windows->reload();
    outbox.setWindowTracker(m_windows.get());
    m_conversations->setView(ConversationFilter::View::Open);
    m_conversations->reload();

    m_inbox = new InboxPane(*m_conversations, clock);
    m_thread = new ThreadPane(*m_messages, *m_conversations, *m_windows, outbox, clock);
    window.setWorkPanes(m_inbox, m_thread);

    connect(m_inbox, &InboxPane::conversationChosen, m_thread, &ThreadPane::showConversation);
    connect(m_thread, &ThreadPane::sendFailed, &window, [&window](const QString &reason) {
        window.statusBar()->showMessage(reason, 10000);
    });
    connect(&ingestor, &WebhookIngestor::conversationsChanged, this, [this](const QSet<qint64> &ids) {
        m_windows->refresh(ids);
        const qint64 current = m_thread->conversation();
        m_conversations->refresh(ids);
        if (current)
            m_inbox->selectConversation(current);
        if (ids.contains(current))
            m_thread->refresh();
    });
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
}

Workspace::~Workspace() = default;

void Workspace::openFirstConversation()
{
    if (m_conversations->rowCount() > 0)
        m_inbox->list()->setCurrentIndex(m_conversations->index(0));
}

void Workspace::evaluateWindows()
{
    m_windows->evaluate();
}

void Workspace::loadTemplates(CloudApiClient &client)
{
    GraphJob *job = client.templates();
    connect(job, &ApiJob::finished, this, [this, job] {
        if (job->succeeded())
            m_thread->composer()->setTemplates(TemplatesPage::fromJson(job->response()).templates);
    });
}

} // namespace Mostrador
