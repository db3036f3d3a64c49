#include "newcampaigndialog.h"

#include "api/templatetext.h"
#include "common/clock.h"
#include "reports/ratecard.h"
#include "campaigns/campaignstore.h"
#include "widgets/templatepreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

enum AudiencePage { LabelPage, WrotePage, ListPage, SearchPage };

QString countryName(const QString &code)
{
    if (code.isEmpty())
        return NewCampaignDialog::tr("known by their WhatsApp id only");
    // Qt names countries in English only, and each in its own languages: the country's name in
    // the user's language where one of its languages is it (España, Colombia), else in English.
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    if (territory == QLocale::AnyTerritory)
        return code;
    const QLocale local(QLocale().language(), territory);
    return local.territory() == territory && local.language() == QLocale().language() ? local.nativeTerritoryName()
                                                                                        : QLocale::territoryToString(territory);
}

QString money(double amount, const QString &currency)
{
    return QLocale().toString(amount, 'f', amount != 0 && amount < 0.1 ? 4 : 2) + QLatin1Char(' ') + currency;
}

} // namespace

NewCampaignDialog::NewCampaignDialog(Database &database, const Clock &clock, const QList<MessageTemplate> &templates,
                                     const QStringList &labels, const QString &region, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_clock(clock)
    , m_region(region)
{
    setObjectName(QStringLiteral("newCampaignDialog"));
    setWindowTitle(tr("New campaign"));
    m_name = new QLineEdit(tr("Campaign of %1").arg(QLocale().toString(clock.now().toLocalTime().date(), QLocale::ShortFormat)), this);
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("campaignTemplate"));
    auto *valuesBox = new QWidget(this);
    m_values = new QFormLayout(valuesBox);
    m_values->setContentsMargins(0, 0, 0, 0);

    m_audienceKind = new QComboBox(this);
    m_audienceKind->setObjectName(QStringLiteral("audienceKind"));
    m_audienceKind->addItems({tr("Customers with a label"), tr("Customers who wrote between two dates"),
                              tr("A list from a spreadsheet (CSV)"), tr("Customers found by a search")});
    m_audiencePages = new QStackedWidget(this);
    m_audiencePages->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_label = new QComboBox(this);
    m_label->setObjectName(QStringLiteral("audienceLabel"));
    m_label->addItems(labels);
    m_audiencePages->addWidget(m_label);
    auto *dates = new QWidget(this);
    auto *datesRow = new QHBoxLayout(dates);
    datesRow->setContentsMargins(0, 0, 0, 0);
    const QDate today = clock.now().toLocalTime().date();
    m_from = new QDateEdit(today.addDays(-30), dates);
    m_to = new QDateEdit(today, dates);
    for (QDateEdit *edit : {m_from, m_to})
        edit->setCalendarPopup(true);
    datesRow->addWidget(m_from);
    datesRow->addWidget(new QLabel(tr("to"), dates));
    datesRow->addWidget(m_to);
    datesRow->addStretch();
    m_audiencePages->addWidget(dates);
    auto *list = new QWidget(this);
    auto *listRow = new QHBoxLayout(list);
    listRow->setContentsMargins(0, 0, 0, 0);
    m_listPath = new QLineEdit(list);
    m_listPath->setPlaceholderText(tr("a CSV with a phone column"));
    auto *choose = new QPushButton(tr("Choose…"), list);
    listRow->addWidget(m_listPath, 1);
    listRow->addWidget(choose);
    m_audiencePages->addWidget(list);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("a name, a word of their notes, part of a number"));
    m_audiencePages->addWidget(m_search);

    m_perSecond = new QSpinBox(this);
    m_perSecond->setRange(1, 80);
    m_perSecond->setValue(20);
    m_perSecond->setSuffix(tr(" a second"));
    m_later = new QCheckBox(tr("Send at"), this);
    m_at = new QDateTimeEdit(clock.now().toLocalTime().addSecs(3600), this);
    m_at->setCalendarPopup(true);
    m_at->setEnabled(false);
    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(m_later);
    whenRow->addWidget(m_at);
    whenRow->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Template"), m_template);
    form->addRow(tr("Values"), valuesBox);
    form->addRow(tr("Who gets it"), m_audienceKind);
    form->addRow(QString(), m_audiencePages);
    form->addRow(tr("Pace"), m_perSecond);
    form->addRow(tr("When"), whenRow);
    auto *formColumn = new QVBoxLayout;
    formColumn->addLayout(form);
    formColumn->addStretch(1);

    m_preview = new TemplatePreview(this);
    m_summary = new QLabel(tr("Press Check to see who will get it and what it costs."), this);
    m_summary->setObjectName(QStringLiteral("campaignSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setOpenExternalLinks(true);
    auto *checkButton = new QPushButton(tr("Check"), this);
    checkButton->setObjectName(QStringLiteral("checkAudience"));
    auto *rates = new QPushButton(tr("Rate card…"), this);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(checkButton);
    checkRow->addWidget(rates);
    checkRow->addStretch();

    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("The first customer gets:"), this));
    right->addWidget(m_preview);
    right->addLayout(checkRow);
    right->addWidget(m_summary, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(formColumn, 3);
    columns->addLayout(right, 2);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = box->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("sendCampaign"));
    m_send->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(box);

    const auto invalidate = [this] {
        m_plan.reset();
        m_send->setEnabled(false);
    };
    connect(m_template, &QComboBox::currentIndexChanged, this, [this, invalidate] { invalidate(); templateChanged(); });
    connect(m_audienceKind, &QComboBox::currentIndexChanged, m_audiencePages, &QStackedWidget::setCurrentIndex);
    connect(m_audienceKind, &QComboBox::currentIndexChanged, this, invalidate);
    connect(m_label, &QComboBox::currentIndexChanged, this, invalidate);
    for (QLineEdit *edit : {m_listPath, m_search})
        connect(edit, &QLineEdit::textChanged, this, invalidate);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, invalidate);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("The list of customers"), QString(), tr("Spreadsheets (*.csv *.txt)"));
        if (!path.isEmpty())
            m_listPath->setText(path);
    });
    connect(m_later, &QCheckBox::toggled, m_at, &QWidget::setEnabled);
    connect(m_later, &QCheckBox::toggled, this, [this](bool later) { m_send->setText(later ? tr("Schedule") : tr("Send")); });
    connect(checkButton, &QPushButton::clicked, this, &NewCampaignDialog::check);
    connect(rates, &QPushButton::clicked, this, &NewCampaignDialog::rateCardRequested);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_send, &QPushButton::clicked, this, &NewCampaignDialog::create);
    resize(980, 600);
    setTemplates(templates);
}

void NewCampaignDialog::setTemplates(const QList<MessageTemplate> &templates)
{
    m_templates = TemplateChoice::offered(templates, {}, QStringLiteral("es"), false);
    m_templatesRead = !templates.isEmpty() || property("asked").toBool();
    setProperty("asked", true);
    const QSignalBlocker quiet(m_template);
    m_template->clear();
    for (const MessageTemplate &templ : std::as_const(m_templates))
        m_template->addItem(QStringLiteral("%1 · %2 · %3").arg(TemplateChoice::displayName(templ), templ.language,
                                                               TemplateWords::category(templ.category)));
    templateChanged();
}

const MessageTemplate *NewCampaignDialog::chosenTemplate() const
{
    const int index = m_template->currentIndex();
    return index >= 0 && index < m_templates.size() ? &m_templates.at(index) : nullptr;
}

QStringList NewCampaignDialog::variables() const
{
    QStringList names;
    if (const MessageTemplate *templ = chosenTemplate()) {
        const TemplateText text(templ->bodyText);
        for (int i = 0; i < text.variableCount(); ++i)
            names << text.variableName(i);
    }
    return names;
}

void NewCampaignDialog::templateChanged()
{
    while (m_values->rowCount() > 0)
        m_values->removeRow(0);
    m_valueFields.clear();
    const MessageTemplate *templ = chosenTemplate();
    if (!templ) {
        m_summary->setText(m_templatesRead ? tr("The number has no approved template yet: write one in Shop ▸ Templates.")
                                           : tr("Reading the number's approved templates…"));
        return;
    }
    m_summary->setText(tr("Press Check to see who will get it and what it costs."));
    const TemplateText text(templ->bodyText);
    for (int i = 0; i < text.variableCount(); ++i) {
        auto *field = new QComboBox(this);
        field->setEditable(true);
        field->setObjectName(QStringLiteral("campaignValue%1").arg(i + 1));
        field->addItem(tr("Each customer's first name"), QStringLiteral("{first_name}"));
        field->addItem(tr("Each customer's name"), QStringLiteral("{name}"));
        field->addItem(tr("The first line of their note"), QStringLiteral("{note}"));
        field->addItem(tr("What they bought last"), QStringLiteral("{last_order}"));
        field->setCurrentIndex(i == text.customerNameVariable() ? 0 : -1);
        if (i != text.customerNameVariable())
            field->setEditText(QString());
        field->lineEdit()->setPlaceholderText(tr("the same text for everyone"));
        connect(field, &QComboBox::currentTextChanged, this, &NewCampaignDialog::showPreview);
        m_values->addRow(text.context(i), field);
        m_valueFields << field;
    }
    showPreview();
}

QStringList NewCampaignDialog::parameters() const
{
    QStringList values;
    for (QComboBox *field : m_valueFields) {
        const int index = field->findText(field->currentText());
        values << (index >= 0 ? field->itemData(index).toString() : field->currentText());
    }
    return values;
}

void NewCampaignDialog::showPreview()
{
    const MessageTemplate *templ = chosenTemplate();
    if (!templ)
        return;
    // Before the audience is counted, what each customer's value will be, in words.
    QStringList shown;
    for (const QString &parameter : parameters()) {
        shown << (parameter == QLatin1String("{first_name}") ? tr("[first name]")
                  : parameter == QLatin1String("{name}")     ? tr("[name]")
                  : parameter == QLatin1String("{note}")     ? tr("[note]")
                  : parameter == QLatin1String("{last_order}") ? tr("[what they bought last]")
                                                             : parameter);
    }
    if (m_plan) {
        for (const CampaignRecipient &recipient : std::as_const(m_plan->recipients)) {
            if (recipient.skipped.isEmpty()) {
                shown = recipient.parameters;
                break;
            }
        }
    }
    m_preview->showMessage(templ->headerText(), {}, TemplateText(templ->bodyText).render(shown), templ->footerText(), templ->buttonTexts());
}

CampaignAudience NewCampaignDialog::audience() const
{
    CampaignAudience chosen;
    chosen.kind = CampaignAudience::Kind(m_audienceKind->currentIndex());
    chosen.label = m_label->currentText();
    chosen.from = m_from->date().startOfDay();
    chosen.to = m_to->date().addDays(1).startOfDay();
    chosen.listPath = m_listPath->text();
    chosen.search = m_search->text();
    return chosen;
}

void NewCampaignDialog::chooseLabel(const QString &label)
{
    m_audienceKind->setCurrentIndex(LabelPage);
    m_label->setCurrentIndex(std::max(0, m_label->findText(label)));
}

void NewCampaignDialog::chooseTemplate(const QString &name, const QString &language)
{
    for (int i = 0; i < m_templates.size(); ++i) {
        if (m_templates.at(i).name == name && m_templates.at(i).language == language)
            m_template->setCurrentIndex(i);
    }
}

std::optional<CampaignPlan> NewCampaignDialog::plan(bool createListedCustomers, QString *problem) const
{
    const MessageTemplate *templ = chosenTemplate();
    if (!templ)
        return std::nullopt;
    const RateCard rates = RateCard::forShop(m_database, problem);
    return CampaignPlan::make(m_database, audience(), parameters(), variables(), templ->category, rates, m_region, m_clock.now(),
                              problem, createListedCustomers);
}

void NewCampaignDialog::check()
{
    if (!chosenTemplate())
        return;
    QString problem;
    m_plan = plan(false, &problem);
    if (!m_plan) {
        m_summary->setText(problem.toHtmlEscaped());
        m_send->setEnabled(false);
        return;
    }
    QStringList lines{QStringLiteral("<b>%1</b>").arg(tr("%n customer(s) will get it.", nullptr, m_plan->receiving()))};
    const QHash<QString, int> skipped = m_plan->skippedByReason();
    QStringList reasons;
    for (auto it = skipped.cbegin(); it != skipped.cend(); ++it)
        reasons << tr("%1 %2").arg(it.value()).arg(CampaignPlan::reasonText(it.key()));
    if (!reasons.isEmpty())
        lines << tr("Left out: %1.").arg(reasons.join(QStringLiteral(" · ")).toHtmlEscaped());
    if (!m_plan->unreadable.isEmpty()) {
        QStringList rows;
        for (const AudienceList::Problem &row : std::as_const(m_plan->unreadable).mid(0, 3))
            rows << tr("line %1: %2").arg(row.line).arg(row.text);
        lines << tr("%n row(s) of the list could not be read (%1).", nullptr, int(m_plan->unreadable.size()))
                     .arg(rows.join(QStringLiteral("; "))).toHtmlEscaped();
    }
    const CampaignPlan::Estimate &estimate = m_plan->estimate;
    QStringList countries;
    for (auto it = estimate.messagesByCountry.cbegin(); it != estimate.messagesByCountry.cend(); ++it) {
        countries << (estimate.costByCountry.contains(it.key())
                          ? tr("%1: %2 × %3").arg(countryName(it.key())).arg(it.value())
                                .arg(money(estimate.costByCountry.value(it.key()) / it.value(), estimate.currency))
                          : tr("%1: %2, no price on the rate card").arg(countryName(it.key())).arg(it.value()));
    }
    lines << QStringLiteral("<b>%1</b>").arg(tr("Estimated cost: %1").arg(money(estimate.total, estimate.currency)))
          << countries.join(QStringLiteral("<br>")).toHtmlEscaped().replace(QStringLiteral("&lt;br&gt;"), QStringLiteral("<br>"))
          << tr("From Meta's rates of %1 (%2). What Meta charges in the end is read from each message's status.")
                 .arg(QLocale().toString(estimate.effective, QLocale::LongFormat), estimate.source.toHtmlEscaped());
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    m_send->setEnabled(m_plan->receiving() > 0);
    showPreview();
}

void NewCampaignDialog::create()
{
    const MessageTemplate *templ = chosenTemplate();
    if (!templ)
        return;
    QString problem;
    const auto recipients = plan(true, &problem);
    if (!recipients) {
        m_summary->setText(problem.toHtmlEscaped());
        return;
    }
    Campaign campaign;
    campaign.name = m_name->text().trimmed();
    campaign.templateName = templ->name;
    campaign.templateLanguage = templ->language;
    campaign.templateCategory = templ->category;
    campaign.templateBody = templ->bodyText;
    campaign.parameters = parameters();
    campaign.audience = audience().describe();
    campaign.perSecond = m_perSecond->value();
    campaign.sendAt = m_later->isChecked() ? m_at->dateTime().toUTC() : QDateTime();
    campaign.createdAt = m_clock.now();
    StoreError error;
    CampaignStore store(m_database);
    if (store.find(campaign.name, &error)) {
        m_summary->setText(tr("There is already a campaign called %1: choose another name.").arg(campaign.name.toHtmlEscaped()));
        return;
    }
    if (!confirmed(*recipients, campaign))
        return;
    const auto id = store.create(campaign, recipients->recipients, &error);
    if (!id) {
        m_summary->setText(tr("The campaign was not saved: %1").arg(error.userMessage.toHtmlEscaped()));
        return;
    }
    Q_EMIT created(*id);
    accept();
}

bool NewCampaignDialog::confirmed(const CampaignPlan &plan, const Campaign &campaign)
{
    const int count = plan.receiving();
    const bool later = campaign.sendAt.isValid();
    QMessageBox ask(QMessageBox::Question, windowTitle(),
                    later ? tr("Schedule “%1” for %n customer(s) on %2?", nullptr, count)
                                .arg(campaign.name, QLocale().toString(campaign.sendAt.toLocalTime(), QLocale::LongFormat))
                          : tr("Send “%1” to %n customer(s) now?", nullptr, count).arg(campaign.name),
                    QMessageBox::NoButton, this);
    ask.setObjectName(QStringLiteral("confirmCampaign"));
    ask.setInformativeText(tr("Estimated cost: %1. A message that has left cannot be called back; the campaign can be "
                              "paused while it sends.")
                               .arg(money(plan.estimate.total, plan.estimate.currency)));
    QPushButton *go = ask.addButton(later ? tr("Schedule") : tr("Send to %n", nullptr, count), QMessageBox::AcceptRole);
    go->setObjectName(QStringLiteral("confirmCampaignSend"));
    QPushButton *notYet = ask.addButton(tr("Not yet"), QMessageBox::RejectRole);
    ask.setDefaultButton(notYet);
    ask.exec();
    return ask.clickedButton() == go;
}

} // namespace Mostrador
