#include "inboxpane.h"

#include "conversationdelegate.h"
#include "inbox/conversationlistmodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace Mostrador {

InboxPane::InboxPane(ConversationListModel &model, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_views(new QComboBox(this))
    , m_list(new QListView(this))
{
    setObjectName(QStringLiteral("conversationListPane"));
    setMinimumWidth(300);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_views->setObjectName(QStringLiteral("inboxView"));
    for (int i = 0; i < 4; ++i)
        m_views->addItem(QString());
    connect(m_views, &QComboBox::currentIndexChanged, this, [this](int index) {
        static constexpr ConversationFilter::View kViews[] = {ConversationFilter::View::Open, ConversationFilter::View::WaitingForUs,
                                                              ConversationFilter::View::Resolved, ConversationFilter::View::All};
        m_model.setView(kViews[std::clamp(index, 0, 3)]);
    });

    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setModel(&m_model);
    m_list->setItemDelegate(new ConversationDelegate(clock, m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT conversationChosen(current.data(ConversationListModel::IdRole).toLongLong());
    });

    auto *header = new QHBoxLayout;
    header->setContentsMargins(10, 8, 10, 4);
    header->addWidget(m_title, 1);
    header->addWidget(m_views);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    retranslate();
}

void InboxPane::selectConversation(qint64 conversationId)
{
    const int row = m_model.rowOf(conversationId);
    if (row >= 0)
        m_list->setCurrentIndex(m_model.index(row));
}

void InboxPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InboxPane::retranslate()
{
    m_title->setText(tr("Conversations"));
    m_views->setItemText(0, tr("Open"));
    m_views->setItemText(1, tr("Waiting for us"));
    m_views->setItemText(2, tr("Resolved"));
    m_views->setItemText(3, tr("All"));
    m_views->setAccessibleName(tr("Which conversations to show"));
    m_list->setAccessibleName(tr("Conversations"));
}

} // namespace Mostrador
