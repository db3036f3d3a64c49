#pragma once

#include "team/teamstore.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace Mostrador {

// Team mode, above the composer: who has this conversation (and a way to hand it over), who is
// replying right now, and the team's private notes — styled apart, never sent to the customer.
class TeamBar final : public QWidget
{
    Q_OBJECT

public:
    explicit TeamBar(QWidget *parent = nullptr);

    void setAgents(const QList<Agent> &agents, qint64 me);
    void setAssignee(std::optional<qint64> agentId);
    void setReplying(const std::optional<Agent> &agent);
    void setNotes(const QList<TeamNote> &notes);
    // A note the store refused: the next "Private note…" opens with it, so nothing typed is lost.
    void keepUnsavedNote(const QString &text);
    [[nodiscard]] QString unsavedNote() const { return m_unsavedNote; }

Q_SIGNALS:
    void assignRequested(std::optional<qint64> agentId);
    void noteWritten(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    qint64 m_me = 0;
    QLabel *m_assignedLabel = nullptr;
    QComboBox *m_assignee = nullptr;
    QLabel *m_replying = nullptr;
    QLabel *m_notes = nullptr;
    QPushButton *m_addNote = nullptr;
    QString m_unsavedNote;
};

} // namespace Mostrador
