#include "threadpane.h"

#include "common/clock.h"
#include "composer/composer.h"
#include "inbox/conversationlistmodel.h"
#include "messagedelegate.h"
#include "metaagentbar.h"
#include "outbox/messagesender.h"
#include "thread/messagelistmodel.h"
#include "widgets/emptystate.h"
#include "widgets/windowchip.h"
#include "window/windowtracker.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QLabel>
#include <QLoggingCategory>
#include <QHBoxLayout>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcThread, "mostrador.thread")

ThreadPane::ThreadPane(MessageListModel &messages, ConversationListModel &conversations, WindowTracker &windows, MessageSender &sender,
                       const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_messages(messages)
    , m_conversations(conversations)
    , m_windows(windows)
    , m_sender(sender)
    , m_clock(clock)
    , m_name(new QLabel(this))
    , m_details(new QLabel(this))
    , m_resolve(new QPushButton(this))
    , m_status(new QComboBox(this))
    , m_list(new QListView(this))
    , m_composer(new Composer(this))
{
    setObjectName(QStringLiteral("threadPane"));
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    m_name->setFont(nameFont);
    m_name->setObjectName(QStringLiteral("threadTitle"));
    m_details->setObjectName(QStringLiteral("threadDetails"));
    // On a narrow window the name and the window's state wrap rather than run under the buttons.
    m_name->setWordWrap(true);
    m_details->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setModel(&m_messages);
    auto *delegate = new MessageDelegate(m_list);
    m_list->setItemDelegate(delegate);
    connect(delegate, &MessageDelegate::orderClicked, this, &ThreadPane::orderClicked);
    connect(delegate, &MessageDelegate::quoteClicked, this, [this](const QString &wamid) {
        const int row = m_messages.loadUntilWamid(wamid);
        if (row >= 0)
            showMessage(m_messages.index(row).data(MessageListModel::IdRole).toLongLong());
    });
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWordWrap(true);
    m_list->viewport()->setBackgroundRole(QPalette::Window);
    m_list->setAccessibleName(tr("Messages"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &ThreadPane::showMessageMenu);
    // Older messages load as the user scrolls to the top.
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0 && !m_settling && m_messages.canFetchMore({})) {
            const int before = m_list->verticalScrollBar()->maximum();
            m_messages.fetchMore({});
            QTimer::singleShot(0, this, [this, before] {
                m_list->verticalScrollBar()->setValue(m_list->verticalScrollBar()->maximum() - before);
            });
        }
    });

    connect(m_composer, &Composer::sendText, this, [this](const QString &text) { sendText(text); });
    connect(m_composer, &Composer::sendTextAt, this, &ThreadPane::sendText);
    connect(m_composer, &Composer::sendTemplate, this, &ThreadPane::sendTemplate);
    connect(&m_windows, &WindowTracker::windowChanged, this, [this](qint64 id) {
        if (id == m_messages.conversation())
            updateHeader();
    });

    m_status->setObjectName(QStringLiteral("conversationStatus"));
    for (const char *status : {"open", "pending", "resolved"})
        m_status->addItem(QString(), QLatin1String(status));
    connect(m_status, &QComboBox::activated, this, [this](int index) { Q_EMIT statusChosen(m_status->itemData(index).toString()); });
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    connect(m_resolve, &QPushButton::clicked, this, &ThreadPane::resolveRequested);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_name);
    titles->addWidget(m_details);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(14, 8, 14, 8);
    header->addLayout(titles, 1);
    header->addWidget(m_status, 0, Qt::AlignVCenter);
    header->addWidget(m_resolve, 0, Qt::AlignVCenter);
    m_header = header;
    auto *conversationPage = new QWidget(this);
    auto *layout = new QVBoxLayout(conversationPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    m_extras = new QVBoxLayout;
    m_extras->setContentsMargins(10, 0, 10, 0);
    layout->addLayout(m_extras);
    m_metaAgent = new MetaAgentBar(conversationPage);
    m_metaAgent->hide();
    m_extras->addWidget(m_metaAgent);
    connect(m_metaAgent, &MetaAgentBar::takeOverRequested, m_composer, [this] { m_composer->setFocus(); });
    layout->addWidget(m_composer);

    // Until a conversation is chosen the pane says what to do instead of showing empty controls.
    m_empty = new EmptyState(this);
    m_empty->setObjectName(QStringLiteral("threadEmptyState"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(conversationPage);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);
    setMinimumWidth(360);
    updateHeader();
}

qint64 ThreadPane::conversation() const
{
    return m_messages.conversation();
}

void ThreadPane::showConversation(qint64 conversationId)
{
    m_pages->setCurrentIndex(conversationId ? 1 : 0);
    m_settling = true;
    m_composer->setReplyTo(QString(), QString());
    m_messages.setConversation(conversationId);
    updateHeader();
    scrollToBottom();
    m_composer->setFocus();
}

void ThreadPane::showMessage(qint64 messageId)
{
    const int row = m_messages.loadUntil(messageId);
    if (row < 0)
        return;
    const QModelIndex index = m_messages.index(row);
    QTimer::singleShot(0, m_list, [this, index] { m_list->scrollTo(index, QAbstractItemView::PositionAtCenter); });
    m_list->setCurrentIndex(index);
}

QList<QAction *> ThreadPane::actionsFor(const QModelIndex &index)
{
    QList<QAction *> actions;
    const QString wamid = index.data(MessageListModel::WamidRole).toString();
    if (!wamid.isEmpty() && m_windows.maySendFreeForm(m_messages.conversation())) {
        auto *reply = new QAction(tr("Reply"), this);
        reply->setObjectName(QStringLiteral("replyAction"));
        const QString quoted = MessageDelegate::contentText(index);
        connect(reply, &QAction::triggered, this, [this, wamid, quoted] { m_composer->setReplyTo(wamid, quoted); });
        actions << reply;
    }
    const QString file = index.data(MessageListModel::MediaPathRole).toString();
    if (!file.isEmpty()) {
        auto *save = new QAction(tr("Save a copy…"), this);
        save->setObjectName(QStringLiteral("saveCopyAction"));
        const QString suggested = index.data(MessageListModel::MediaFilenameRole).toString();
        connect(save, &QAction::triggered, this, [this, file, suggested] {
            const QString target = QFileDialog::getSaveFileName(this, tr("Save a copy"),
                                                                suggested.isEmpty() ? QFileInfo(file).fileName() : suggested);
            if (!target.isEmpty() && !QFile::copy(file, target))
                Q_EMIT sendFailed(tr("Could not save the copy to %1.").arg(target));
        });
        actions << save;
    }
    const QString state = index.data(MessageListModel::OutboxStateRole).toString();
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    // WhatsApp took it, then could not deliver it (a template held back, a number gone): a copy
    // can go, and the failed one stays in the history as it was.
    if (state == QLatin1String("accepted") && index.data(MessageListModel::StatusRole).value<DeliveryStatus>() == DeliveryStatus::Failed) {
        auto *copy = new QAction(tr("Send it again"), this);
        copy->setObjectName(QStringLiteral("sendCopyAction"));
        const auto kind = index.data(MessageListModel::KindRole).value<MessageKind>();
        const QString text = index.data(MessageListModel::TextRole).toString();
        connect(copy, &QAction::triggered, this, [this, id, kind, text] {
            const MessageSender::Result result = m_sender.sendCopyOf(id, kind, text);
            if (!result.isStoredOrKept())
                Q_EMIT sendFailed(result.error.userMessage.isEmpty() ? result.error.detail : result.error.userMessage);
            refresh();
            scrollToBottom();
        });
        actions << copy;
        return actions;
    }
    if (state != QLatin1String("failed") && state != QLatin1String("unconfirmed"))
        return actions;
    auto *retry = new QAction(tr("Send again"), this);
    retry->setObjectName(QStringLiteral("retryAction"));
    connect(retry, &QAction::triggered, this, [this, id] {
        if (const StoreError error = m_sender.retry(id); error.isError())
            Q_EMIT sendFailed(error.userMessage.isEmpty() ? error.detail : error.userMessage);
        refresh();
    });
    actions << retry;
    if (WireError::meansWindowClosed(index.data(MessageListModel::ErrorCodeRole).toInt())) {
        auto *asTemplate = new QAction(tr("Send a template instead"), this);
        asTemplate->setObjectName(QStringLiteral("templateInsteadAction"));
        connect(asTemplate, &QAction::triggered, this, [this] { m_composer->setWindow(ServiceWindow{}); });
        actions << asTemplate;
    }
    auto *discard = new QAction(tr("Discard"), this);
    discard->setObjectName(QStringLiteral("discardAction"));
    connect(discard, &QAction::triggered, this, [this, id] {
        if (const StoreError error = m_sender.discard(id); error.isError())
            Q_EMIT sendFailed(error.userMessage.isEmpty() ? error.detail : error.userMessage);
        refresh();
    });
    actions << discard;
    return actions;
}

void ThreadPane::showMessageMenu(const QPoint &position)
{
    const QList<QAction *> actions = actionsFor(m_list->indexAt(position));
    if (actions.isEmpty())
        return;
    QMenu menu(this);
    menu.addActions(actions);
    menu.exec(m_list->viewport()->mapToGlobal(position));
    qDeleteAll(actions);
}

void ThreadPane::showFirstUnread(int unread)
{
    int seen = 0;
    for (int row = m_messages.rowCount() - 1; row >= 0 && unread > 0; --row) {
        const QModelIndex index = m_messages.index(row);
        if (index.data(MessageListModel::DirectionRole).value<Direction>() != Direction::Inbound)
            continue;
        if (++seen == unread) {
            m_list->setCurrentIndex(index);
            QTimer::singleShot(0, this, [this, index] {
                m_settling = false;
                m_list->scrollTo(index, QAbstractItemView::PositionAtTop);
            });
            return;
        }
    }
}

void ThreadPane::refresh()
{
    const bool atBottom = m_list->verticalScrollBar()->value() >= m_list->verticalScrollBar()->maximum() - 4;
    m_messages.refresh();
    updateHeader();
    if (atBottom)
        scrollToBottom();
}

void ThreadPane::scrollToBottom()
{
    QTimer::singleShot(0, this, [this] {
        m_list->scrollToBottom();
        m_settling = false;
    });
}

void ThreadPane::addHeaderAction(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_header->addWidget(button, 0, Qt::AlignVCenter);
}

void ThreadPane::updateHeader()
{
    m_empty->setTitle(tr("No conversation selected"));
    m_empty->setText(tr("Choose a conversation on the left to read it and reply."));
    m_resolve->setText(tr("Resolve and next"));
    m_resolve->setToolTip(tr("Marks this conversation resolved and opens the next one waiting for an answer (Ctrl+Enter)"));
    m_resolve->setEnabled(m_messages.conversation() != 0);
    m_status->setItemText(0, tr("Open"));
    m_status->setItemText(1, tr("Pending"));
    m_status->setItemText(2, tr("Resolved"));
    m_status->setAccessibleName(tr("Conversation status"));
    const qint64 open = m_messages.conversation();
    const QVariant status = m_conversations.conversationData(open, ConversationListModel::StatusRole);
    if (status.isValid()) {
        const QSignalBlocker blocker(m_status);
        m_status->setCurrentIndex(std::max(0, m_status->findData(status)));
    }
    m_name->setText(m_conversations.conversationData(open, ConversationListModel::CustomerNameRole).toString());
    m_metaAgent->setVisible(m_conversations.conversationData(open, ConversationListModel::HeldByMetaAgentRole).toBool());
    const ServiceWindow window = m_windows.window(m_messages.conversation());
    const WindowChip chip = WindowChip::forWindow(window.state, window.openUntil, m_clock.now());
    const QString phone = m_conversations.conversationData(open, ConversationListModel::PhoneRole).toString();
    m_details->setText(phone.isEmpty() ? chip.text : tr("%1 · %2").arg(phone, chip.text));
    m_composer->setWindow(window);
    const QDateTime now = m_clock.now();
    m_composer->setNextOpening(m_hours && !m_hours->isOpen(now) ? m_hours->nextOpening(now) : QDateTime());
    const bool freeEntryPoint = window.freeEntryUntil.isValid() && now < window.freeEntryUntil;
    m_composer->setPrices(m_rates.pricesOfSends(m_conversations.conversationData(open, ConversationListModel::CountryRole).toString(),
                                                window.allowsFreeForm(), freeEntryPoint, now.toLocalTime().date()));
}

void ThreadPane::setRateCard(const RateCard &rates)
{
    m_rates = rates;
    updateHeader();
}

void ThreadPane::addBar(QWidget *bar)
{
    m_extras->addWidget(bar);
}

void ThreadPane::setOpeningHours(const std::optional<OpeningHours> &hours)
{
    m_hours = hours;
    updateHeader();
}

void ThreadPane::sendText(const QString &text, const QDateTime &at)
{
    const qint64 conversation = m_messages.conversation();
    if (!conversation)
        return;
    const MessageSender::Result result = m_sender.sendText(conversation, text, m_composer->replyTo(), at);
    if (result.keptForLater) {
        m_composer->clear();
        Q_EMIT sendFailed(tr("Kept on this computer: it will be stored and sent when the connection returns."));
        return;
    }
    if (!result.messageId) {
        qCWarning(lcThread).noquote() << "could not store a message to send:" << result.error.detail;
        Q_EMIT sendFailed(result.error.userMessage);
        return;
    }
    m_composer->clear();
    refresh();
    scrollToBottom();
}

void ThreadPane::sendTemplate(const MessageTemplate &messageTemplate, const QStringList &parameters, bool pastTheirNo)
{
    const qint64 conversation = m_messages.conversation();
    if (!conversation)
        return;
    QString text = messageTemplate.bodyText;
    for (int i = 0; i < parameters.size(); ++i)
        text.replace(QStringLiteral("{{%1}}").arg(i + 1), parameters.at(i));
    const MessageSender::Result result =
        m_sender.sendTemplate(conversation, messageTemplate.name, messageTemplate.language, parameters, text);
    if (!result.isStoredOrKept()) {
        qCWarning(lcThread).noquote() << "could not store a message to send:" << result.error.detail;
        Q_EMIT sendFailed(result.error.userMessage);
        return;
    }
    if (pastTheirNo)
        Q_EMIT promotionSentPastNo(conversation, result.messageId, messageTemplate.name);
    refresh();
    scrollToBottom();
}

void ThreadPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_list->setAccessibleName(tr("Messages"));
        updateHeader();
    }
    QWidget::changeEvent(event);
}

} // namespace Mostrador
