#include "teambar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

TeamBar::TeamBar(QWidget *parent)
    : QWidget(parent)
    , m_assignedLabel(new QLabel(this))
    , m_assignee(new QComboBox(this))
    , m_replying(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_addNote(new QPushButton(this))
{
    setObjectName(QStringLiteral("teamBar"));
    m_assignee->setObjectName(QStringLiteral("assignee"));
    m_replying->setObjectName(QStringLiteral("replying"));
    m_replying->hide();
    m_notes->setObjectName(QStringLiteral("teamNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    // Private notes look like sticky notes, not like messages: nobody mistakes them for sent.
    m_notes->setStyleSheet(QStringLiteral("QLabel { background: #fff4c2; color: #4a3b00; border: 1px dashed #c9a400; "
                                          "border-radius: 4px; padding: 4px 6px; }"));
    m_notes->hide();
    m_addNote->setObjectName(QStringLiteral("addNote"));
    connect(m_assignee, &QComboBox::activated, this, [this](int index) {
        const QVariant id = m_assignee->itemData(index);
        Q_EMIT assignRequested(id.isNull() ? std::nullopt : std::optional<qint64>(id.toLongLong()));
    });
    connect(m_addNote, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, tr("Private note"),
                                                            tr("For the team only; the customer never sees it:"), m_unsavedNote, &ok);
        if (ok && !text.trimmed().isEmpty()) {
            m_unsavedNote.clear();
            Q_EMIT noteWritten(text.trimmed());
        }
    });
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_assignedLabel);
    row->addWidget(m_assignee);
    row->addWidget(m_replying, 1);
    row->addStretch();
    row->addWidget(m_addNote);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_notes);
    retranslate();
}

void TeamBar::setAgents(const QList<Agent> &agents, qint64 me)
{
    m_me = me;
    const QVariant current = m_assignee->currentData();
    m_assignee->clear();
    m_assignee->addItem(tr("Nobody"), QVariant());
    for (const Agent &agent : agents)
        m_assignee->addItem(agent.id == me ? tr("%1 (me)").arg(agent.name) : agent.name, agent.id);
    m_assignee->setCurrentIndex(qMax(0, m_assignee->findData(current)));
}

void TeamBar::setAssignee(std::optional<qint64> agentId)
{
    m_assignee->setCurrentIndex(agentId ? qMax(0, m_assignee->findData(*agentId)) : 0);
}

void TeamBar::setReplying(const std::optional<Agent> &agent)
{
    const bool someoneElse = agent && agent->id != m_me;
    m_replying->setText(someoneElse ? tr("✎ %1 is replying…").arg(agent->name) : QString());
    m_replying->setStyleSheet(someoneElse ? QStringLiteral("color: %1; font-weight: bold;").arg(agent->color) : QString());
    m_replying->setVisible(someoneElse);
}

void TeamBar::keepUnsavedNote(const QString &text)
{
    m_unsavedNote = text;
}

void TeamBar::setNotes(const QList<TeamNote> &notes)
{
    QStringList lines;
    for (const TeamNote &note : notes)
        lines << tr("Private note · %1 · %2: %3")
                     .arg(note.agentName, QLocale().toString(note.at.toLocalTime(), QLocale::ShortFormat), note.body);
    m_notes->setText(lines.join(QLatin1Char('\n')));
    m_notes->setVisible(!lines.isEmpty());
}

void TeamBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TeamBar::retranslate()
{
    m_assignedLabel->setText(tr("Assigned to:"));
    m_assignee->setAccessibleName(tr("Who answers this conversation"));
    m_addNote->setText(tr("Private note…"));
    if (m_assignee->count() > 0)
        m_assignee->setItemText(0, tr("Nobody"));
}

} // namespace Mostrador
