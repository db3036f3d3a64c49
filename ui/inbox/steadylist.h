#pragma once

#include <QObject>
#include <QTimer>

class QListView;
class QPushButton;

namespace Mostrador {

class ConversationListModel;

// Keeps the conversation list steady under the person using it. The highlighted row is the
// open conversation's, wherever it moves or whatever the list reloads, and no other row is
// highlighted when it is not in the list. While the pointer is over the list, or a key was
// pressed in it in the last second, rows do not jump: what changed waits behind a
// "N new ↑" button, and goes to its place when the pointer leaves or the button is clicked.
class SteadyList final : public QObject
{
    Q_OBJECT

public:
    // Before `list` is given `model`: it must hear of a removal before the list does.
    SteadyList(QListView &list, ConversationListModel &model, QObject *parent = nullptr);

    void setOpenConversation(qint64 conversationId);
    [[nodiscard]] qint64 openConversation() const { return m_open; }
    // True while the list's current row is moved by the program, not by the person.
    [[nodiscard]] bool isFollowing() const { return m_following; }
    // Highlights the open conversation's row (or none) now.
    void follow();
    [[nodiscard]] QPushButton *heldButton() const { return m_held; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void hold();
    void releaseIfIdle();
    void showHeld(int count);
    void placeHeldButton();

    QListView &m_list;
    QWidget *m_viewport; // kept: while the list is being destroyed it can no longer be asked
    ConversationListModel &m_model;
    QPushButton *m_held = nullptr;
    QTimer m_keyPressed; // a second after the last key
    QTimer m_followSoon;
    qint64 m_open = 0;
    bool m_pointerOver = false;
    bool m_following = false;
};

} // namespace Mostrador
