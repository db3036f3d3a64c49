#pragma once

#include "inbox/labelstore.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;

namespace Mostrador {

class Clock;
class ConversationListModel;
class SearchResultsModel;
class SteadyList;

// The left pane: which conversations to show (open, waiting for us, resolved, all) and the
// list itself.
class InboxPane final : public QWidget
{
    Q_OBJECT

public:
    InboxPane(ConversationListModel &model, SearchResultsModel &results, const Clock &clock, QWidget *parent = nullptr);

    [[nodiscard]] QListView *list() const { return m_list; }
    void selectConversation(qint64 conversationId);
    // The conversation open in the thread: its row is the highlighted one, wherever it moves.
    void setOpenConversation(qint64 conversationId);
    void focusSearch();
    // The status actions offered on a conversation in the list.
    [[nodiscard]] QList<QAction *> statusActions(const QModelIndex &index);
    // The labels to filter by, with their counts.
    void setLabels(const QList<Mostrador::Label> &labels);
    // Team mode: shows Everyone / Mine / Unassigned, "mine" being this agent's.
    void setTeamAgent(qint64 agentId);

    // While no number is connected, the empty inbox says so and offers to connect one.
    void setConnectOffer(bool offered);
    // A line of figures above the list (today's reply time, who waits): the pane shows it.
    void setStrip(QWidget *strip);

Q_SIGNALS:
    void conversationChosen(qint64 conversationId);
    void searchResultChosen(qint64 conversationId, qint64 messageId);
    void statusChosen(qint64 conversationId, const QString &status);
    // The empty inbox's "Connect my number…" (offered while no number is connected).
    void connectRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    bool m_connectOffered = false;

    void runSearch();

    ConversationListModel &m_model;
    SearchResultsModel &m_results;
    QLabel *m_title = nullptr;
    QLineEdit *m_search = nullptr;
    QStackedWidget *m_stack = nullptr;
    SteadyList *m_steady = nullptr;
    int m_stripIndex = 0;
    QListView *m_resultList = nullptr;
    QLabel *m_noResults = nullptr;
    class EmptyState *m_emptyInbox = nullptr;
    void showListOrEmpty();
    QTimer *m_searchDelay = nullptr;
    QComboBox *m_views = nullptr;
    QComboBox *m_labels = nullptr;
    QComboBox *m_sort = nullptr;
    QComboBox *m_team = nullptr;
    qint64 m_agentId = 0;
    QListView *m_list = nullptr;
};

} // namespace Mostrador
