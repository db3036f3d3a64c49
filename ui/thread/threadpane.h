#pragma once

#include "automation/openinghours.h"
#include "reports/ratecard.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class QHBoxLayout;
class QVBoxLayout;

namespace Mostrador {

class Clock;
class Composer;
class ConversationListModel;
class MessageListModel;
class MessageSender;
class MetaAgentBar;
class WindowTracker;
struct MessageTemplate;

// The centre pane: who the conversation is with, its messages, and the composer. Sending goes
// through the message sender (stored in the outbox first), so a message shows as pending at once and its ticks follow.
class ThreadPane final : public QWidget
{
    Q_OBJECT

public:
    ThreadPane(MessageListModel &messages, ConversationListModel &conversations, WindowTracker &windows, MessageSender &sender,
               const Clock &clock, QWidget *parent = nullptr);

    void showConversation(qint64 conversationId);
    // Scrolls to a message (from a search result) and briefly selects it.
    void showMessage(qint64 messageId);
    // Scrolls to the first of the last `unread` customer messages ("jump to first unread").
    void showFirstUnread(int unread);
    [[nodiscard]] qint64 conversation() const;
    [[nodiscard]] Composer *composer() const { return m_composer; }
    [[nodiscard]] QListView *messageList() const { return m_list; }

    // Re-reads the shown conversation (new messages, ticks, window).
    void refresh();

    // A button in the conversation's header for an action of the window (the customer details).
    void addHeaderAction(QAction *action);

    // Puts a bar (team mode's assignment and notes) between the messages and the composer.
    void addBar(QWidget *bar);

    // The shop's opening hours, when it has set them: while it is closed, the composer offers
    // to send at the next opening.
    void setOpeningHours(const std::optional<OpeningHours> &hours);
    // Meta's rate cards: the composer says what a send to this customer would cost.
    void setRateCard(const RateCard &rates);

    // The actions offered on a message that failed or was never confirmed (empty otherwise).
    [[nodiscard]] QList<QAction *> actionsFor(const QModelIndex &index);

Q_SIGNALS:
    void sendFailed(const QString &reason);
    void resolveRequested();
    void statusChosen(const QString &status); // open, pending, resolved
    // A cart's card was clicked: its stage and next steps.
    void orderClicked(qint64 orderId, const QPoint &globalPos);
    // A promotion was sent to a customer who had said no, as the person confirmed (messageId 0:
    // kept to store later).
    void promotionSentPastNo(qint64 conversationId, qint64 messageId, const QString &templateName);

protected:
    void changeEvent(QEvent *event) override;

private:
    void sendText(const QString &text, const QDateTime &at = {});
    void sendTemplate(const MessageTemplate &messageTemplate, const QStringList &parameters, bool pastTheirNo);
    void updateHeader();
    void scrollToBottom();
    void showMessageMenu(const QPoint &position);

    MessageListModel &m_messages;
    ConversationListModel &m_conversations;
    WindowTracker &m_windows;
    MessageSender &m_sender;
    const Clock &m_clock;
    QLabel *m_name = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_resolve = nullptr;
    QComboBox *m_status = nullptr;
    QListView *m_list = nullptr;
    Composer *m_composer = nullptr;
    QStackedWidget *m_pages = nullptr;
    std::optional<OpeningHours> m_hours;
    RateCard m_rates;
    QHBoxLayout *m_header = nullptr;
    QVBoxLayout *m_extras = nullptr;
    MetaAgentBar *m_metaAgent = nullptr;
    bool m_settling = false; // just opened: no older pages until it has scrolled to the newest
    class EmptyState *m_empty = nullptr;
};

} // namespace Mostrador
