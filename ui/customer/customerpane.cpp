#include "customerpane.h"

#include "campaigns/consentstore.h"
#include "identity/phonenumbers.h"

#include <QEvent>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QInputDialog>
#include <QPixmap>
#include <QToolButton>
#include <QLabel>
#include <QMenu>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

// The customer's own "no" to promotions is theirs to lift (by writing ALTA or START), not the shop's.
bool saidNoThemselves(const CustomerDetails &customer)
{
    return customer.optedOut && customer.optOutReason != ConsentStore::kShopReason;
}

} // namespace

CustomerPane::CustomerPane(ShopEditStore &edits, LabelStore &labels, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_labelStore(labels)
    , m_labelsTitle(new QLabel(this))
    , m_labelButtons(new QWidget(this))
    , m_title(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_facts(new QLabel(this))
    , m_block(new QPushButton(this))
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
    m_block->setObjectName(QStringLiteral("blockCustomer"));
    m_block->hide(); // until a customer is shown
    m_promotions = new QCheckBox(this);
    m_promotions->setObjectName(QStringLiteral("customerPromotions"));
    m_promotions->hide();
    connect(m_promotions, &QCheckBox::toggled, this, [this](bool wants) {
        if (!m_customer)
            return;
        const StoreResult<bool> changed = m_edits.setWantsPromotions(m_customer->id, wants);
        if (changed.isError() || !*changed) {
            if (changed.isError())
                Q_EMIT saveFailed(changed.error().userMessage);
            fill(); // the box goes back to what the store holds
            return;
        }
        if (!wants && !m_customer->optedOut) {
            m_customer->optedOut = true;
            m_customer->optOutReason = ConsentStore::kShopReason;
        } else if (wants) {
            m_customer->optedOut = false;
            m_customer->optOutReason.clear();
        }
        fill();
    });
    m_privacy = new QToolButton(this);
    m_privacy->setObjectName(QStringLiteral("customerPrivacy"));
    m_privacy->setPopupMode(QToolButton::InstantPopup);
    m_privacy->hide();
    auto *privacyMenu = new QMenu(m_privacy);
    m_export = privacyMenu->addAction(QString());
    m_export->setObjectName(QStringLiteral("exportCustomerData"));
    m_forget = privacyMenu->addAction(QString());
    m_forget->setObjectName(QStringLiteral("forgetCustomer"));
    m_privacy->setMenu(privacyMenu);
    const auto shownName = [this] { return m_customer->displayName.isEmpty() ? m_customer->profileName : m_customer->displayName; };
    connect(m_export, &QAction::triggered, this, [this, shownName] {
        if (m_customer)
            Q_EMIT exportRequested(m_customer->id, shownName());
    });
    connect(m_forget, &QAction::triggered, this, [this, shownName] {
        if (m_customer)
            Q_EMIT forgetRequested(m_customer->id, shownName());
    });
    connect(m_block, &QPushButton::clicked, this, [this] {
        if (m_customer)
            Q_EMIT blockRequested(m_conversation, !m_customer->blocked);
    });
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
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_block);
    actions->addWidget(m_privacy);
    actions->addStretch(1);
    layout->addLayout(actions);
    layout->addWidget(m_promotions);
    layout->addSpacing(10);
    layout->addWidget(m_labelsTitle);
    m_labelGrid = new QGridLayout(m_labelButtons);
    m_labelGrid->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_labelButtons);
    layout->addSpacing(10);
    layout->addWidget(m_notesLabel);
    layout->addWidget(m_notes, 1);
    retranslate();
    reloadLabels();
    setEnabled(false);
}

void CustomerPane::reloadLabels()
{
    while (QLayoutItem *item = m_labelGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    StoreError error;
    const QList<Label> labels = m_labelStore.labels(&error);
    const QSet<qint64> on = m_conversation ? m_labelStore.labelsOf(m_conversation, &error) : QSet<qint64>();
    int position = 0;
    for (const Label &label : labels) {
        auto *button = new QToolButton(m_labelButtons);
        button->setObjectName(QStringLiteral("label_%1").arg(label.id));
        button->setText(label.name);
        button->setCheckable(true);
        button->setChecked(on.contains(label.id));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        QPixmap dot(10, 10);
        dot.fill(QColor(label.color));
        button->setIcon(QIcon(dot));
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        const qint64 labelId = label.id;
        connect(button, &QToolButton::toggled, this, [this, labelId](bool checked) {
            if (!m_conversation)
                return;
            if (StoreError problem = m_labelStore.setLabel(m_conversation, labelId, checked); problem.isError()) {
                Q_EMIT saveFailed(problem.userMessage);
                return;
            }
            syncLabels(); // a stage's label moves the order, which takes the other stage off
            Q_EMIT labelsChanged(m_conversation);
        });
        // Right-click renames a label (the shop's own stages).
        button->setContextMenuPolicy(Qt::CustomContextMenu);
        const QString currentName = label.name;
        const QString color = label.color;
        connect(button, &QWidget::customContextMenuRequested, this, [this, labelId, currentName, color] {
            bool ok = false;
            const QString name = QInputDialog::getText(this, tr("Rename label"), tr("New name:"), QLineEdit::Normal, currentName, &ok).trimmed();
            if (ok && !name.isEmpty() && name != currentName)
                renameLabel(labelId, name, color);
        });
        m_labelGrid->addWidget(button, position / 2, position % 2);
        ++position;
    }
}

void CustomerPane::syncLabels()
{
    StoreError error;
    const QSet<qint64> on = m_conversation ? m_labelStore.labelsOf(m_conversation, &error) : QSet<qint64>();
    for (QToolButton *button : m_labelButtons->findChildren<QToolButton *>()) {
        const QSignalBlocker quiet(button);
        button->setChecked(on.contains(button->objectName().section(QLatin1Char('_'), 1).toLongLong()));
    }
}

void CustomerPane::renameLabel(qint64 labelId, const QString &name, const QString &color)
{
    if (StoreError problem = m_labelStore.rename(labelId, name, color); problem.isError()) {
        Q_EMIT saveFailed(problem.userMessage);
        return;
    }
    reloadLabels();
    Q_EMIT labelsChanged(m_conversation);
}

void CustomerPane::addSection(QWidget *section)
{
    auto *box = static_cast<QVBoxLayout *>(layout());
    box->insertWidget(box->indexOf(m_notesLabel), section);
}

void CustomerPane::showConversation(qint64 conversationId)
{
    if (m_saveTimer.isActive())
        saveNow();
    StoreError error;
    m_conversation = conversationId;
    m_customer = m_edits.customerOf(conversationId, &error);
    setEnabled(m_customer.has_value());
    fill();
    reloadLabels();
}

void CustomerPane::refresh()
{
    if (!m_conversation)
        return;
    StoreError error;
    auto customer = m_edits.customerOf(m_conversation, &error);
    if (!customer)
        return;
    syncLabels(); // an order's stage may have moved its label
    // What the shop is typing stays as it is; what WhatsApp says about them (a new number, a
    // user name, a merge) shows at once.
    if (m_customer && (m_saveTimer.isActive() || m_name->hasFocus() || m_notes->hasFocus())) {
        customer->displayName = m_customer->displayName;
        customer->notes = m_customer->notes;
    }
    m_customer = customer;
    fill();
}

QString CustomerPane::promotionsRefusal() const
{
    if (!m_customer || !m_customer->optedOut)
        return {};
    const QString name = m_customer->displayName.isEmpty()
        ? (m_customer->profileName.isEmpty() ? tr("This customer") : m_customer->profileName)
        : m_customer->displayName;
    const QString when = m_customer->optedOutAt.isValid()
        ? QLocale().toString(m_customer->optedOutAt.toLocalTime().date(), QLocale::ShortFormat)
        : QString();
    if (!saidNoThemselves(*m_customer))
        return when.isEmpty() ? tr("The shop marked %1 as not getting promotions.").arg(name)
                              : tr("The shop marked %1 as not getting promotions on %2.").arg(name, when);
    const QString words = m_customer->optOutReason.startsWith(QLatin1String("message: ")) ? m_customer->optOutReason.mid(9)
                                                                                           : m_customer->optOutReason;
    return when.isEmpty() ? tr("%1 asked for no promotions (“%2”).").arg(name, words)
                          : tr("%1 asked for no promotions (“%2”, %3).").arg(name, words, when);
}

void CustomerPane::fill()
{
    const QSignalBlocker blockName(m_name);
    const QSignalBlocker blockNotes(m_notes);
    if (!m_customer) {
        m_name->clear();
        m_notes->clear();
        m_facts->clear();
        m_block->hide();
        m_privacy->hide();
        m_promotions->hide();
        Q_EMIT promotionsRefused({});
        return;
    }
    Q_EMIT promotionsRefused(promotionsRefusal());
    m_block->show();
    m_privacy->show();
    m_promotions->show();
    const QSignalBlocker blockPromotions(m_promotions);
    m_promotions->setChecked(!m_customer->optedOut);
    m_promotions->setEnabled(!saidNoThemselves(*m_customer));
    m_name->setText(m_customer->displayName);
    m_name->setPlaceholderText(m_customer->profileName);
    m_notes->setPlainText(m_customer->notes);

    QStringList facts;
    if (!m_customer->profileName.isEmpty())
        facts << tr("WhatsApp name: %1").arg(m_customer->profileName);
    // Every identity WhatsApp gave them: the number, the username, the business-scoped id.
    if (!m_customer->waId.isEmpty())
        facts << tr("Number: %1").arg(PhoneNumbers::displayed(m_customer->waId));
    else
        facts << tr("No phone number: WhatsApp shares only their user name and id.");
    if (!m_customer->username.isEmpty())
        facts << tr("WhatsApp user name: @%1").arg(m_customer->username);
    if (!m_customer->userId.isEmpty())
        facts << tr("WhatsApp user id: %1").arg(m_customer->userId);
    if (m_customer->firstContactAt.isValid())
        facts << tr("First wrote on %1").arg(QLocale().toString(m_customer->firstContactAt.toLocalTime().date(), QLocale::LongFormat));
    if (!m_customer->arrivalHeadline.isEmpty())
        facts << tr("Came from the ad “%1”").arg(m_customer->arrivalHeadline);
    facts << tr("%n conversation(s) with the shop", nullptr, m_customer->conversations);
    if (m_customer->blocked)
        facts << tr("Blocked: they cannot write to the shop and the shop cannot write to them.");
    if (m_customer->optedOut && m_customer->optOutReason.startsWith(QLatin1String("message: ")))
        facts << tr("Asked for no promotions (“%1”): no campaign or promotion goes to them.").arg(m_customer->optOutReason.mid(9));
    m_facts->setText(facts.join(QLatin1Char('\n')));
    m_promotions->setText(tr("Gets promotions (campaigns)"));
    m_promotions->setToolTip(saidNoThemselves(*m_customer) ? tr("They asked for no promotions themselves; only they can change that, by writing ALTA or START.")
                                        : tr("Untick it for a customer who does not want offers: no campaign goes to them. "
                                             "They can still write, and be answered."));
    m_block->setText(m_customer->blocked ? tr("Unblock") : tr("Block…"));
    m_block->setToolTip(m_customer->blocked ? tr("Lets this customer write to the shop again")
                                            : tr("Stops this customer from writing to the shop. WhatsApp allows it only for "
                                                 "someone who wrote in the last 24 hours."));
}

void CustomerPane::saveNow()
{
    m_saveTimer.stop();
    if (!m_customer)
        return;
    const QString name = m_name->text().trimmed();
    const QString notes = m_notes->toPlainText();
    if (name != m_customer->displayName) {
        if (StoreError error = m_edits.setDisplayName(m_customer->id, name); error.isError()) {
            Q_EMIT saveFailed(error.userMessage);
            return;
        }
        m_customer->displayName = name;
        Q_EMIT customerRenamed();
    }
    if (notes != m_customer->notes) {
        if (StoreError error = m_edits.setNotes(m_customer->id, notes); error.isError()) {
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
    m_labelsTitle->setText(tr("Labels"));
    m_nameLabel->setText(tr("&Name in this shop"));
    m_notesLabel->setText(tr("N&otes (address, sizes, orders…)"));
    m_notes->setPlaceholderText(tr("Only the shop sees these notes. They are saved as you type."));
    m_name->setAccessibleName(tr("Customer name"));
    m_notes->setAccessibleName(tr("Notes about the customer"));
    m_privacy->setText(tr("Their data"));
    m_privacy->setToolTip(tr("What the customer may ask of the shop under data protection law"));
    m_export->setText(tr("Give them a copy of their data…"));
    m_forget->setText(tr("Forget this customer…"));
}

} // namespace Mostrador
