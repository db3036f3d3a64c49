#pragma once

#include "automation/quickreplies.h"

#include <QListWidget>

namespace Mostrador {

// The list that opens above the text box when the user types "/": the shop's quick replies that
// match what follows, best first. Up/Down choose, Enter or a click takes one.
class QuickReplyList final : public QListWidget
{
    Q_OBJECT

public:
    explicit QuickReplyList(QWidget *parent = nullptr);

    void setReplies(const QList<QuickReply> &replies) { m_replies = replies; }
    // Shows the matches for `typed` (the text box's words, starting with "/"); hides when none.
    void showMatches(const QString &typed);
    void moveSelection(int step);
    [[nodiscard]] std::optional<QuickReply> current() const;

Q_SIGNALS:
    void chosen(const Mostrador::QuickReply &reply);

protected:
    void changeEvent(QEvent *event) override;

private:
    QList<QuickReply> m_replies;
    QList<QuickReply> m_shown;
};

} // namespace Mostrador
