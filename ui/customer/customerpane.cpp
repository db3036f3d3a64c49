#include "customerpane.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace Mostrador {

CustomerPane::CustomerPane(ShopEdits &edits, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_title(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_facts(new QLabel(this))
    , m_notesLabel(new QLabel(this))
    , m_notes(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("customerPane"));
    setMinimumWidth(240);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_name->setObjectName(QStringLiteral("customerName"));
    m_nameLabel->setBuddy(m_name);
    m_facts->setObjectName(QStringLiteral("customerFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::PlainText);
    m_notes->setObjectName(QStringLiteral("customerNotes"));
    m_notesLabel->setBuddy(m_notes);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(500);
    connect(&m_saveTimer, &QTimer::timeout, this, &CustomerPane::saveNow);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_saveTimer.start(); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (m_notes->hasFocus())
            m_saveTimer.start();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 14);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addWidget(m_nameLabel);
    layout->addWidget(m_name);
    layout->addSpacing(6);
    layout->addWidget(m_facts);
    layout->addSpacing(10);
    layout->addWidget(m_notesLabel);
    layout->addWidget(m_notes, 1);
    retranslate();
    setEnabled(false);
}

void CustomerPane::showConversation(qint64 conversationId)
{
    if (m_saveTimer.isActive())
        saveNow();
    StoreError error;
    m_customer = m_edits.customerOf(conversationId, &error);
    setEnabled(m_customer.has_value());
    fill();
}

void CustomerPane::fill()
{
    const QSignalBlocker blockName(m_name);
    const QSignalBlocker blockNotes(m_notes);
    if (!m_customer) {
        m_name->clear();
        m_notes->clear();
        m_facts->clear();
        return;
    }
    m_name->setText(m_customer->displayName);
    m_name->setPlaceholderText(m_customer->profileName);
    m_notes->setPlainText(m_customer->notes);

    QStringList facts;
    if (!m_customer->profileName.isEmpty())
        facts << tr("WhatsApp name: %1").arg(m_customer->profileName);
    facts << (m_customer->waId.isEmpty() ? tr("WhatsApp user: %1").arg(m_customer->username.isEmpty() ? m_customer->userId : m_customer->username)
                                         : tr("Number: +%1").arg(m_customer->waId));
    if (m_customer->firstContactAt.isValid())
        facts << tr("First wrote on %1").arg(QLocale().toString(m_customer->firstContactAt.toLocalTime().date(), QLocale::LongFormat));
    if (!m_customer->arrivalHeadline.isEmpty())
        facts << tr("Came from the ad “%1”").arg(m_customer->arrivalHeadline);
    facts << tr("%n conversation(s) with the shop", nullptr, m_customer->conversations);
    m_facts->setText(facts.join(QLatin1Char('\n')));
}

void CustomerPane::saveNow()
{
    m_saveTimer.stop();
    if (!m_customer)
        return;
    const QString name = m_name->text().trimmed();
    const QString notes = m_notes->toPlainText();
    if (name != m_customer->displayName) {
        if (StoreError error = m_edits.setDisplayName(m_customer->id, name)) {
            Q_EMIT saveFailed(error.userMessage);
            return;
        }
        m_customer->displayName = name;
        Q_EMIT customerRenamed();
    }
    if (notes != m_customer->notes) {
        if (StoreError error = m_edits.setNotes(m_customer->id, notes)) {
            Q_EMIT saveFailed(error.userMessage);
            return;
        }
        m_customer->notes = notes;
    }
}

void CustomerPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fill();
    }
    QWidget::changeEvent(event);
}

void CustomerPane::retranslate()
{
    m_title->setText(tr("Customer"));
    m_nameLabel->setText(tr("&Name in this shop"));
    m_notesLabel->setText(tr("N&otes (address, sizes, orders…)"));
    m_notes->setPlaceholderText(tr("Only the shop sees these notes. They are saved as you type."));
    m_name->setAccessibleName(tr("Customer name"));
    m_notes->setAccessibleName(tr("Notes about the customer"));
}

} // namespace Mostrador
