#include "teamdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

TeamDialog::TeamDialog(QWidget *parent)
    : QDialog(parent)
    , m_agents(new QListWidget(this))
    , m_add(new QPushButton(tr("&Add a person…"), this))
    , m_remove(new QPushButton(tr("&End access…"), this))
    , m_message(new QLabel(this))
    , m_address(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
{
    setObjectName(QStringLiteral("teamDialog"));
    setWindowTitle(tr("Team"));
    m_agents->setObjectName(QStringLiteral("teamAgents"));
    m_add->setObjectName(QStringLiteral("addAgent"));
    m_remove->setObjectName(QStringLiteral("removeAgent"));
    m_address->setObjectName(QStringLiteral("newSignIn"));
    m_address->setReadOnly(true);
    m_address->hide();
    m_copy->hide();
    m_message->setWordWrap(true);
    m_message->setText(tr("Each person signs in to the team's database with their own address. They can answer customers, "
                          "write notes and use labels; only you change the shop's settings, quick replies and team. "
                          "Ending someone's access closes their session at once; what they wrote stays."));
    m_remove->setEnabled(false);
    connect(m_agents, &QListWidget::currentRowChanged, this, [this](int row) {
        m_remove->setEnabled(row >= 0 && !m_agents->item(row)->data(Qt::UserRole).toBool());
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add a person"), tr("Their name, as the team will see it:"),
                                                   QLineEdit::Normal, QString(), &ok).simplified();
        if (ok && !name.isEmpty())
            Q_EMIT addRequested(name);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QListWidgetItem *item = m_agents->currentItem();
        if (!item)
            return;
        const QString name = item->data(Qt::UserRole + 1).toString();
        if (QMessageBox::question(this, tr("End %1's access?").arg(name),
                                  tr("%1 is signed out at once and cannot sign in again. Their conversations go back to the team; "
                                     "what they wrote stays under their name.").arg(name),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes)
            Q_EMIT removeRequested(name);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_address->text()); });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *list = new QHBoxLayout;
    list->addWidget(m_agents, 1);
    list->addLayout(buttons);
    auto *address = new QHBoxLayout;
    address->addWidget(m_address, 1);
    address->addWidget(m_copy);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(list, 1);
    layout->addWidget(m_message);
    layout->addLayout(address);
    layout->addWidget(close);
    resize(520, 380);
}

void TeamDialog::setAgents(const QList<Agent> &agents)
{
    m_agents->clear();
    for (const Agent &agent : agents) {
        const bool owner = agent.role == Agent::Role::Owner;
        auto *item = new QListWidgetItem(owner ? tr("%1 (owner)").arg(agent.name) : agent.name, m_agents);
        item->setData(Qt::UserRole, owner);
        item->setData(Qt::UserRole + 1, agent.name);
    }
}

void TeamDialog::showNewSignIn(const QString &name, const QString &address)
{
    m_message->setText(tr("Give %1 this address once, privately (it is not shown again). On their computer: "
                          "mostrador --db \"ADDRESS\"; Mostrador then keeps the password in that computer's keychain.").arg(name));
    m_address->setText(address);
    m_address->show();
    m_copy->show();
    m_address->selectAll();
    m_address->setFocus();
}

void TeamDialog::showProblem(const QString &text)
{
    m_message->setText(text);
}

} // namespace Mostrador
