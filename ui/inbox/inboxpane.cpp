#include "inboxpane.h"

#include "conversationdelegate.h"
#include "inbox/conversationlistmodel.h"
#include "inbox/steadylist.h"
#include "inbox/searchresultsmodel.h"
#include "searchresultdelegate.h"
#include "widgets/emptystate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QIcon>
#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QPixmap>
#include <QListView>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Mostrador {

InboxPane::InboxPane(ConversationListModel &model, SearchResultsModel &results, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_results(results)
    , m_title(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_resultList(new QListView(this))
    , m_noResults(new QLabel(this))
    , m_searchDelay(new QTimer(this))
    , m_views(new QComboBox(this))
    , m_labels(new QComboBox(this))
    , m_sort(new QComboBox(this))
    , m_list(new QListView(this))
{
    setObjectName(QStringLiteral("conversationListPane"));
    setMinimumWidth(300);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_views->setObjectName(QStringLiteral("inboxView"));
    for (int i = 0; i < 5; ++i)
        m_views->addItem(QString());
    connect(m_views, &QComboBox::currentIndexChanged, this, [this](int index) {
        static constexpr ConversationFilter::View kViews[] = {ConversationFilter::View::Open, ConversationFilter::View::WaitingForUs,
                                                              ConversationFilter::View::ClosingSoon, ConversationFilter::View::Resolved,
                                                              ConversationFilter::View::All};
        m_model.setView(kViews[std::clamp(index, 0, 4)]);
    });

    m_labels->setObjectName(QStringLiteral("labelFilter"));
    m_labels->setMaximumWidth(170);
    m_labels->addItem(QString(), 0);
    connect(m_labels, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model.setLabel(m_labels->itemData(index).toLongLong());
    });

    m_team = new QComboBox(this);
    m_team->setObjectName(QStringLiteral("teamFilter"));
    for (int i = 0; i < 3; ++i)
        m_team->addItem(QString());
    m_team->hide();
    connect(m_team, &QComboBox::currentIndexChanged, this, [this](int index) {
        static constexpr ConversationFilter::Assignment kChoices[] = {ConversationFilter::Assignment::Anyone, ConversationFilter::Assignment::Mine,
                                                                      ConversationFilter::Assignment::Unassigned};
        m_model.setAssignment(kChoices[std::clamp(index, 0, 2)], m_agentId);
    });

    m_sort->setObjectName(QStringLiteral("inboxSort"));
    m_sort->addItem(QString());
    m_sort->addItem(QString());
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model.setSort(index == 1 ? ConversationFilter::Sort::WindowTimeLeft : ConversationFilter::Sort::Activity);
    });

    m_list->setObjectName(QStringLiteral("conversationList"));
    m_steady = new SteadyList(*m_list, m_model, m_list); // before the list sees the model; goes with it
    m_list->setModel(&m_model);
    m_list->setItemDelegate(new ConversationDelegate(clock, m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const QList<QAction *> actions = statusActions(m_list->indexAt(position));
        if (actions.isEmpty())
            return;
        QMenu menu(this);
        menu.addActions(actions);
        menu.exec(m_list->viewport()->mapToGlobal(position));
        qDeleteAll(actions);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid() || m_steady->isFollowing())
            return; // the program moved it (a row went away, the list reloaded): nobody chose
        const qint64 chosen = current.data(ConversationListModel::IdRole).toLongLong();
        m_steady->setOpenConversation(chosen);
        Q_EMIT conversationChosen(chosen);
    });

    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &InboxPane::runSearch);
    m_resultList->setObjectName(QStringLiteral("searchResults"));
    m_resultList->setModel(&m_results);
    m_resultList->setItemDelegate(new SearchResultDelegate(m_resultList));
    m_resultList->setFrameShape(QFrame::NoFrame);
    connect(m_resultList, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT searchResultChosen(index.data(SearchResultsModel::ConversationIdRole).toLongLong(),
                                  index.data(SearchResultsModel::MessageIdRole).toLongLong());
    });
    connect(m_resultList, &QListView::clicked, m_resultList, &QListView::activated);
    m_noResults->setObjectName(QStringLiteral("searchNothingFound"));
    m_noResults->setAlignment(Qt::AlignCenter);
    m_noResults->setWordWrap(true);
    m_noResults->setForegroundRole(QPalette::PlaceholderText);
    m_emptyInbox = new EmptyState(this);
    m_emptyInbox->setObjectName(QStringLiteral("inboxEmptyState"));
    connect(m_emptyInbox, &EmptyState::actionTriggered, this, &InboxPane::connectRequested);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_resultList);
    m_stack->addWidget(m_noResults);
    m_stack->addWidget(m_emptyInbox);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(&m_model, signal, this, &InboxPane::showListOrEmpty);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &InboxPane::showListOrEmpty);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(10, 8, 10, 4);
    header->addWidget(m_title, 1);
    header->addWidget(m_views);
    auto *searchRow = new QHBoxLayout;
    searchRow->setContentsMargins(10, 0, 10, 4);
    searchRow->addWidget(m_search, 1);
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(10, 0, 10, 6);
    filterRow->addWidget(m_team, 1);
    filterRow->addWidget(m_labels, 1);
    filterRow->addWidget(m_sort, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    m_stripIndex = layout->count();
    layout->addLayout(searchRow);
    layout->addLayout(filterRow);
    layout->addWidget(m_stack, 1);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    retranslate();
    showListOrEmpty();
}

void InboxPane::selectConversation(qint64 conversationId)
{
    const int row = m_model.rowOf(conversationId);
    if (row >= 0)
        m_list->setCurrentIndex(m_model.index(row));
}

void InboxPane::setLabels(const QList<Label> &labels)
{
    const qint64 chosen = m_labels->currentData().toLongLong();
    const QSignalBlocker blocker(m_labels);
    while (m_labels->count() > 1)
        m_labels->removeItem(1);
    for (const Label &label : labels) {
        QPixmap dot(10, 10);
        dot.fill(QColor(label.color));
        m_labels->addItem(QIcon(dot), tr("%1 (%2)").arg(label.name).arg(label.conversations), label.id);
    }
    const int index = m_labels->findData(chosen);
    m_labels->setCurrentIndex(index < 0 ? 0 : index);
}

QList<QAction *> InboxPane::statusActions(const QModelIndex &index)
{
    QList<QAction *> actions;
    if (!index.isValid())
        return actions;
    const qint64 id = index.data(ConversationListModel::IdRole).toLongLong();
    const QString current = index.data(ConversationListModel::StatusRole).toString();
    const std::pair<const char *, QString> choices[] = {
        {"open", tr("Mark open")}, {"pending", tr("Mark pending")}, {"resolved", tr("Mark resolved")}};
    for (const auto &[status, text] : choices) {
        if (current == QLatin1String(status))
            continue;
        auto *action = new QAction(text, this);
        action->setObjectName(QStringLiteral("status_%1").arg(QLatin1String(status)));
        const QString chosen = QLatin1String(status);
        connect(action, &QAction::triggered, this, [this, id, chosen] { Q_EMIT statusChosen(id, chosen); });
        actions << action;
    }
    return actions;
}

void InboxPane::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void InboxPane::showListOrEmpty()
{
    if (!m_search->text().trimmed().isEmpty())
        return;
    m_stack->setCurrentWidget(m_model.rowCount() > 0 ? static_cast<QWidget *>(m_list) : m_emptyInbox);
    m_steady->follow(); // after a search, the open conversation's row, not the last one pointed at
}

void InboxPane::setOpenConversation(qint64 conversationId)
{
    m_steady->setOpenConversation(conversationId);
}

void InboxPane::runSearch()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        showListOrEmpty();
        return;
    }
    m_results.search(text);
    m_stack->setCurrentWidget(m_results.rowCount() > 0 ? static_cast<QWidget *>(m_resultList) : m_noResults);
}

void InboxPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InboxPane::setTeamAgent(qint64 agentId)
{
    m_agentId = agentId;
    m_team->setVisible(agentId != 0);
}

void InboxPane::setConnectOffer(bool offered)
{
    m_connectOffered = offered;
    retranslate();
}

void InboxPane::retranslate()
{
    m_title->setText(tr("Conversations"));
    m_views->setItemText(0, tr("Open"));
    m_views->setItemText(1, tr("Waiting for us"));
    m_views->setItemText(2, tr("Closing soon"));
    m_views->setItemText(3, tr("Resolved"));
    m_views->setItemText(4, tr("All"));
    m_team->setItemText(0, tr("Everyone's"));
    m_team->setItemText(1, tr("Mine"));
    m_team->setItemText(2, tr("Unassigned"));
    m_team->setAccessibleName(tr("Whose conversations to show"));
    m_views->setAccessibleName(tr("Which conversations to show"));
    m_list->setAccessibleName(tr("Conversations"));
    m_search->setPlaceholderText(tr("Search messages and customers (Ctrl+K)"));
    m_labels->setItemText(0, tr("Any label"));
    m_sort->setItemText(0, tr("Latest first"));
    m_sort->setItemText(1, tr("Least time left"));
    m_sort->setAccessibleName(tr("Order of the conversations"));
    m_sort->setToolTip(tr("Least time left: open 24-hour windows, the one closing first at the top"));
    m_emptyInbox->setTitle(tr("Nothing here yet"));
    m_emptyInbox->setText(m_connectOffered ? tr("Connect your WhatsApp number and your customers' chats will appear here as soon as they write.")
                                           : tr("Your customers' chats will appear here as soon as they write."));
    m_emptyInbox->setAction(m_connectOffered ? tr("Connect my number…") : QString());
    m_labels->setAccessibleName(tr("Show conversations with this label"));
    m_search->setAccessibleName(tr("Search"));
    m_resultList->setAccessibleName(tr("Search results"));
    m_noResults->setText(tr("Nothing found. Try fewer or shorter words; accents and capitals do not matter."));
}

void InboxPane::setStrip(QWidget *strip)
{
    static_cast<QVBoxLayout *>(layout())->insertWidget(m_stripIndex, strip);
}

} // namespace Mostrador
