#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;

namespace Mostrador {

class Clock;
class ConversationListModel;

// The left pane: which conversations to show (open, waiting for us, resolved, all) and the
// list itself.
class InboxPane final : public QWidget
{
    Q_OBJECT

public:
    InboxPane(ConversationListModel &model, const Clock &clock, QWidget *parent = nullptr);

    [[nodiscard]] QListView *list() const { return m_list; }
    void selectConversation(qint64 conversationId);

Q_SIGNALS:
    void conversationChosen(qint64 conversationId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ConversationListModel &m_model;
    QLabel *m_title = nullptr;
    QComboBox *m_views = nullptr;
    QListView *m_list = nullptr;
};

} // namespace Mostrador
