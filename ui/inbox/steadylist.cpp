#include "steadylist.h"

#include "inbox/conversationlistmodel.h"

#include <QEvent>
#include <QItemSelectionModel>
#include <QListView>
#include <QPushButton>

namespace Mostrador {

SteadyList::SteadyList(QListView &list, ConversationListModel &model, QObject *parent)
    : QObject(parent)
    , m_list(list)
    , m_viewport(list.viewport())
    , m_model(model)
    , m_held(new QPushButton(&list))
{
    m_held->setObjectName(QStringLiteral("inboxHeldChanges"));
    m_held->setCursor(Qt::PointingHandCursor);
    m_held->hide();
    connect(m_held, &QPushButton::clicked, this, [this] {
        m_model.setOrderHeld(false);
        m_list.scrollToTop();
    });
    connect(&m_model, &ConversationListModel::heldChangesChanged, this, &SteadyList::showHeld);

    // Connected before the list's own selection model: a removal that would move the current
    // row to a neighbour (and open another customer's conversation) is known as the program's.
    connect(&m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_following = true; });
    connect(&m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_following = true; });
    m_followSoon.setSingleShot(true);
    m_followSoon.setInterval(0);
    m_followSoon.callOnTimeout(this, &SteadyList::follow);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, &m_followSoon, qOverload<>(&QTimer::start));
    connect(&m_model, &QAbstractItemModel::rowsInserted, &m_followSoon, qOverload<>(&QTimer::start));
    connect(&m_model, &QAbstractItemModel::rowsMoved, &m_followSoon, qOverload<>(&QTimer::start));
    connect(&m_model, &QAbstractItemModel::modelReset, &m_followSoon, qOverload<>(&QTimer::start));
    connect(&m_model, &QAbstractItemModel::layoutChanged, &m_followSoon, qOverload<>(&QTimer::start));

    m_keyPressed.setSingleShot(true);
    m_keyPressed.setInterval(1000);
    m_keyPressed.callOnTimeout(this, &SteadyList::releaseIfIdle);
    m_viewport->installEventFilter(this);
    list.installEventFilter(this);
}

void SteadyList::setOpenConversation(qint64 conversationId)
{
    m_open = conversationId;
    follow();
}

void SteadyList::follow()
{
    if (!m_list.selectionModel())
        return;
    m_following = true;
    const int row = m_open ? m_model.rowOf(m_open) : -1;
    if (row >= 0) {
        if (m_list.currentIndex().row() != row)
            m_list.setCurrentIndex(m_model.index(row));
    } else if (m_open) {
        m_list.selectionModel()->clear(); // the open conversation is not in this view: nothing else lights up
    }
    m_following = false;
}

bool SteadyList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport) {
        if (event->type() == QEvent::Enter) {
            m_pointerOver = true;
            hold();
        } else if (event->type() == QEvent::Leave) {
            m_pointerOver = false;
            releaseIfIdle();
        }
    } else if (watched == &m_list) {
        if (event->type() == QEvent::KeyPress) {
            hold();
            m_keyPressed.start();
        } else if (event->type() == QEvent::Resize) {
            placeHeldButton();
        }
    }
    return QObject::eventFilter(watched, event);
}

void SteadyList::hold()
{
    m_model.setOrderHeld(true);
}

void SteadyList::releaseIfIdle()
{
    if (!m_pointerOver && !m_keyPressed.isActive())
        m_model.setOrderHeld(false);
}

void SteadyList::showHeld(int count)
{
    m_held->setVisible(count > 0);
    if (count <= 0)
        return;
    m_held->setText(tr("%n new ↑", nullptr, count));
    m_held->setToolTip(tr("Conversations changed while you were pointing at the list: click to put them in their place."));
    placeHeldButton();
    m_held->raise();
}

void SteadyList::placeHeldButton()
{
    m_held->adjustSize();
    m_held->move((m_list.width() - m_held->width()) / 2, 6);
}

} // namespace Mostrador
