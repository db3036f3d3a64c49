#include "automaticrepliesdialog.h"

#include "automation/weekeditor.h"
#include "messaging/metapricing.h"
#include "widgets/pricetext.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

QPlainTextEdit *messageEdit(const QString &text, const QString &objectName, int lines, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(edit->fontMetrics().height() * lines + 10);
    return edit;
}

} // namespace

AutomaticRepliesDialog::AutomaticRepliesDialog(const ShopAutomation &current, bool receivingHere, QWidget *parent)
    : QDialog(parent)
    , m_receivingHere(receivingHere)
{
    setObjectName(QStringLiteral("automaticRepliesDialog"));
    setWindowTitle(tr("Opening hours and automatic replies"));

    m_armed = new QLabel(this);
    m_armed->setObjectName(QStringLiteral("armedStatus"));
    m_armed->setWordWrap(true);
    m_armed->setFrameShape(QFrame::StyledPanel);
    m_armed->setMargin(8);

    auto *hoursBox = new QGroupBox(tr("When the shop is open"), this);
    auto *hoursLayout = new QVBoxLayout(hoursBox);
    auto *nameRow = new QFormLayout;
    m_shopName = new QLineEdit(current.replies.shopName, hoursBox);
    m_shopName->setObjectName(QStringLiteral("shopName"));
    m_shopName->setPlaceholderText(tr("As customers know it, e.g. Casa Nube"));
    nameRow->addRow(tr("Shop name ({shop}):"), m_shopName);
    hoursLayout->addLayout(nameRow);
    m_week = new WeekEditor(current.hours, hoursBox);
    hoursLayout->addWidget(m_week);
    connect(m_week, &WeekEditor::changed, this, &AutomaticRepliesDialog::update);

    auto *right = new QVBoxLayout;
    right->addWidget(createMessages(current));
    right->addWidget(createRunner(current));
    right->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addWidget(hoursBox, 1);
    columns->addLayout(right, 1);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_armed);
    layout->addLayout(columns);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(980, 700);
    update();
}

void AutomaticRepliesDialog::setCosts(double lastMonth, double thisMonthAtThisPace, const QString &currency)
{
    m_costs->setVisible(lastMonth > 0 || thisMonthAtThisPace > 0);
    m_costs->setText(tr("Since %1 Meta bills every reply, automatic ones too: these cost %2 last month, and %3 this month at this pace.")
                         .arg(QLocale().toString(MetaPricing::serviceBilledFrom(), QLocale::LongFormat), PriceText::amount(lastMonth, currency),
                              PriceText::amount(thisMonthAtThisPace, currency)));
}

QWidget *AutomaticRepliesDialog::createMessages(const ShopAutomation &current)
{
    auto *box = new QGroupBox(tr("Automatic replies"), this);
    auto *form = new QVBoxLayout(box);
    const AutoResponder::Settings &replies = current.replies;

    m_awayEnabled = new QCheckBox(tr("Away message when a customer writes while the shop is closed"), box);
    m_awayEnabled->setObjectName(QStringLiteral("awayEnabled"));
    m_awayEnabled->setChecked(replies.awayEnabled);
    m_awayText = messageEdit(replies.awayText, QStringLiteral("awayText"), 3, box);
    m_awayText->setAccessibleName(tr("Away message"));
    m_awayTextEnglish = messageEdit(replies.awayTextEnglish, QStringLiteral("awayTextEnglish"), 3, box);
    m_awayTextEnglish->setPlaceholderText(tr("In English, for customers who write in English (optional)"));
    m_awayTextEnglish->setAccessibleName(tr("Away message in English"));
    m_quietMinutes = new QSpinBox(box);
    m_quietMinutes->setObjectName(QStringLiteral("quietMinutes"));
    m_quietMinutes->setRange(0, 240);
    m_quietMinutes->setValue(replies.quietAfterHumanReplyMinutes);
    m_quietMinutes->setSuffix(tr(" min"));
    auto *quietRow = new QFormLayout;
    quietRow->addRow(tr("Not if someone from the shop replied in the last"), m_quietMinutes);

    m_greetingEnabled = new QCheckBox(tr("Greeting for a customer's first message"), box);
    m_greetingEnabled->setObjectName(QStringLiteral("greetingEnabled"));
    m_greetingEnabled->setChecked(replies.greetingEnabled);
    m_greetingText = messageEdit(replies.greetingText, QStringLiteral("greetingText"), 3, box);
    m_greetingText->setAccessibleName(tr("Greeting message"));
    m_greetingTextEnglish = messageEdit(replies.greetingTextEnglish, QStringLiteral("greetingTextEnglish"), 3, box);
    m_greetingTextEnglish->setPlaceholderText(tr("In English, for customers who write in English (optional)"));
    m_greetingTextEnglish->setAccessibleName(tr("Greeting message in English"));
    m_greetingDays = new QSpinBox(box);
    m_greetingDays->setObjectName(QStringLiteral("greetingDays"));
    m_greetingDays->setRange(1, 365);
    m_greetingDays->setValue(replies.greetingAfterSilenceDays);
    m_greetingDays->setSuffix(tr(" days"));
    auto *daysRow = new QFormLayout;
    daysRow->addRow(tr("…and again after a silence of"), m_greetingDays);

    auto *hint = new QLabel(tr("You can use {name} (the customer's first name), {shop}, {today} and {tomorrow} (or the Spanish {nombre}, {tienda}, {hoy}, {mañana}). "
                               "Each customer gets the away message once per closed period, not once per message. "
                               "Customers who write in English get the English version when there is one."),
                            box);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    form->addWidget(m_awayEnabled);
    form->addWidget(m_awayText);
    form->addWidget(m_awayTextEnglish);
    form->addLayout(quietRow);
    form->addSpacing(6);
    form->addWidget(m_greetingEnabled);
    form->addWidget(m_greetingText);
    form->addWidget(m_greetingTextEnglish);
    form->addLayout(daysRow);
    form->addWidget(hint);
    m_costs = new QLabel(box);
    m_costs->setObjectName(QStringLiteral("automaticRepliesCost"));
    m_costs->setWordWrap(true);
    m_costs->hide();
    form->addWidget(m_costs);
    for (QCheckBox *check : {m_awayEnabled, m_greetingEnabled})
        connect(check, &QCheckBox::toggled, this, &AutomaticRepliesDialog::update);
    for (QPlainTextEdit *edit : {m_awayText, m_greetingText})
        connect(edit, &QPlainTextEdit::textChanged, this, &AutomaticRepliesDialog::update);
    return box;
}

QWidget *AutomaticRepliesDialog::createRunner(const ShopAutomation &current)
{
    auto *box = new QGroupBox(tr("Who sends them"), this);
    auto *layout = new QVBoxLayout(box);
    auto *here = new QRadioButton(tr("This computer, while Mostrador is open"), box);
    here->setObjectName(QStringLiteral("runnerHere"));
    auto *server = new QRadioButton(tr("mostrador-server, on an always-on machine"), box);
    server->setObjectName(QStringLiteral("runnerServer"));
    m_runner = new QButtonGroup(box);
    m_runner->addButton(here, int(ShopAutomation::Runner::ThisComputer));
    m_runner->addButton(server, int(ShopAutomation::Runner::Server));
    m_runner->button(int(current.runner))->setChecked(true);
    connect(m_runner, &QButtonGroup::idToggled, this, &AutomaticRepliesDialog::update);
    layout->addWidget(here);
    layout->addWidget(server);
    return box;
}

ShopAutomation AutomaticRepliesDialog::automation() const
{
    ShopAutomation result;
    if (const auto hours = m_week->hours())
        result.hours = *hours;
    AutoResponder::Settings &replies = result.replies;
    replies.shopName = m_shopName->text().trimmed();
    replies.awayEnabled = m_awayEnabled->isChecked();
    replies.awayText = m_awayText->toPlainText().trimmed();
    replies.awayTextEnglish = m_awayTextEnglish->toPlainText().trimmed();
    replies.quietAfterHumanReplyMinutes = m_quietMinutes->value();
    replies.greetingEnabled = m_greetingEnabled->isChecked();
    replies.greetingText = m_greetingText->toPlainText().trimmed();
    replies.greetingTextEnglish = m_greetingTextEnglish->toPlainText().trimmed();
    replies.greetingAfterSilenceDays = m_greetingDays->value();
    result.runner = ShopAutomation::Runner(m_runner->checkedId());
    return result;
}

QString AutomaticRepliesDialog::problem() const
{
    if (!m_week->problem().isEmpty())
        return m_week->problem();
    if (m_awayEnabled->isChecked() && m_awayText->toPlainText().trimmed().isEmpty())
        return tr("Write the away message, or turn it off.");
    if (m_greetingEnabled->isChecked() && m_greetingText->toPlainText().trimmed().isEmpty())
        return tr("Write the greeting, or turn it off.");
    return {};
}

QString AutomaticRepliesDialog::describe(const ShopAutomation &automation, bool receivingHere)
{
    if (!automation.replies.isArmed())
        return tr("Automatic replies are off: nobody is answered automatically.");
    if (automation.runner == ShopAutomation::Runner::Server)
        return tr("mostrador-server sends the automatic replies, as long as it runs with this store "
                  "(mostrador-server serve). This computer does not, so no customer gets them twice.");
    if (!receivingHere)
        return tr("Not armed right now: this computer is not receiving the shop's messages (the number is not "
                  "connected), so nothing can be answered. Connect the number, or let mostrador-server send them.");
    return tr("Armed: this computer sends the automatic replies while Mostrador is open. "
              "When it is closed or off, nobody answers automatically.");
}

QString AutomaticRepliesDialog::summarize(const ShopAutomation &automation, bool receivingHere)
{
    if (!automation.replies.isArmed())
        return tr("Automatic replies off.");
    if (automation.runner == ShopAutomation::Runner::Server)
        return tr("Automatic replies sent by mostrador-server.");
    return receivingHere ? tr("Automatic replies armed on this computer.") : tr("Automatic replies not armed: nothing is being received.");
}

void AutomaticRepliesDialog::update()
{
    m_awayText->setEnabled(m_awayEnabled->isChecked());
    m_awayTextEnglish->setEnabled(m_awayEnabled->isChecked());
    m_quietMinutes->setEnabled(m_awayEnabled->isChecked());
    m_greetingText->setEnabled(m_greetingEnabled->isChecked());
    m_greetingTextEnglish->setEnabled(m_greetingEnabled->isChecked());
    m_greetingDays->setEnabled(m_greetingEnabled->isChecked());
    m_armed->setText(describe(automation(), m_receivingHere));
    const QString wrong = problem();
    m_problem->setText(wrong.isEmpty() ? QString() : QStringLiteral("⚠ ") + wrong);
    m_problem->setVisible(!wrong.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(wrong.isEmpty());
}

} // namespace Mostrador
