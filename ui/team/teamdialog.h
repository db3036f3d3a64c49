#pragma once

#include "team/teamstore.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Mostrador {

// Shop ▸ Team (the owner, in team mode): who answers for the shop, giving a new person their own
// sign-in to the team's database, and ending someone's access. The dialog asks; the desktop does
// it (TeamAccessStore) and hands back what to show.
class TeamDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TeamDialog(QWidget *parent = nullptr);

    void setAgents(const QList<Agent> &agents);
    // The address the new person signs in with: shown once, to be copied.
    void showNewSignIn(const QString &name, const QString &address);
    void showProblem(const QString &text);

Q_SIGNALS:
    void addRequested(const QString &name);
    void removeRequested(const QString &name);

private:
    QListWidget *m_agents = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_address = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace Mostrador
