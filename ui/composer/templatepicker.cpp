#include "templatepicker.h"

#include "api/templatetext.h"
#include "widgets/pricetext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

// The languages shops write templates in, named in the window's language; others by their own name.
QString TemplatePicker::languageName(const QString &code)
{
    const QLocale locale(code);
    QString name;
    switch (locale.language()) {
    case QLocale::Spanish: name = tr("Spanish"); break;
    case QLocale::English: name = tr("English"); break;
    case QLocale::Portuguese: name = tr("Portuguese"); break;
    case QLocale::Catalan: name = tr("Catalan"); break;
    case QLocale::French: name = tr("French"); break;
    case QLocale::Italian: name = tr("Italian"); break;
    case QLocale::German: name = tr("German"); break;
    default: name = locale.nativeLanguageName(); break;
    }
    if (name.isEmpty())
        return code;
    // "es_MX" is Mexican Spanish; a bare "es" names no country.
    return code.contains(QLatin1Char('_')) ? tr("%1 (%2)").arg(name, locale.nativeTerritoryName()) : name;
}

namespace {

QString firstName(const QString &fullName)
{
    const QString trimmed = fullName.trimmed();
    // A number or @username is not a name to greet someone with.
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('+')) || trimmed.startsWith(QLatin1Char('@'))
        || trimmed.at(0).isDigit())
        return {};
    return trimmed.section(QLatin1Char(' '), 0, 0);
}

} // namespace

TemplatePicker::TemplatePicker(QWidget *parent)
    : QWidget(parent)
    , m_picker(new QComboBox(this))
    , m_samples(new QCheckBox(this))
    , m_parameterForm(new QFormLayout)
    , m_preview(new QLabel(this))
    , m_refusal(new QLabel(this))
    , m_send(new QPushButton(this))
{
    m_picker->setObjectName(QStringLiteral("templatePicker"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_picker->setMinimumContentsLength(20);
    connect(m_picker, &QComboBox::currentIndexChanged, this, &TemplatePicker::chosen);
    m_samples->setObjectName(QStringLiteral("templateSamples"));
    m_samples->hide();
    connect(m_samples, &QCheckBox::toggled, this, &TemplatePicker::offer);
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(6);
    m_refusal->setObjectName(QStringLiteral("templateRefusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setFrameShape(QFrame::StyledPanel);
    m_refusal->setMargin(6);
    QFont bold = m_refusal->font();
    bold.setBold(true);
    m_refusal->setFont(bold);
    m_refusal->hide();
    m_send->setObjectName(QStringLiteral("sendTemplateButton"));
    connect(m_send, &QPushButton::clicked, this, &TemplatePicker::send);

    // Send beside the choice, not below the fields: on a 600-pixel screen every row counts.
    auto *top = new QHBoxLayout;
    top->addWidget(m_picker, 1);
    top->addWidget(m_samples);
    top->addWidget(m_send);
    m_parameterForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_preview);
    layout->addWidget(m_refusal);
    m_price = new QLabel(this);
    m_price->setObjectName(QStringLiteral("templatePrice"));
    m_price->setForegroundRole(QPalette::PlaceholderText);
    m_price->hide();
    layout->addWidget(m_price);
    layout->addLayout(m_parameterForm);
    retranslate();
}

void TemplatePicker::setTemplates(const QList<MessageTemplate> &templates)
{
    m_all = templates;
    bool anySample = false;
    for (const MessageTemplate &candidate : templates)
        anySample = anySample || (candidate.isApproved() && TemplateChoice::isMetaSample(candidate));
    m_samples->setVisible(anySample);
    offer();
}

void TemplatePicker::setCustomer(const QString &name, const QString &language)
{
    const bool sameLanguage = language == m_customerLanguage;
    m_customerName = name;
    m_customerLanguage = language;
    if (sameLanguage)
        chosen(m_picker->currentIndex()); // only the name to fill in again
    else
        offer();
}

void TemplatePicker::setPromotionsRefused(const QString &why)
{
    if (why == m_promotionsRefused)
        return;
    m_promotionsRefused = why;
    offer();
}

bool TemplatePicker::isRefusedPromotion(const MessageTemplate *candidate) const
{
    return candidate && !m_promotionsRefused.isEmpty() && TemplateChoice::isPromotion(*candidate);
}

void TemplatePicker::offer()
{
    m_offered = TemplateChoice::offered(m_all, m_customerLanguage, QLocale().name(), m_samples->isChecked(),
                                        !m_promotionsRefused.isEmpty());
    m_picker->blockSignals(true);
    m_picker->clear();
    for (const MessageTemplate &candidate : std::as_const(m_offered)) {
        const QString shown = tr("%1 · %2").arg(TemplateChoice::displayName(candidate), languageName(candidate.language));
        m_picker->addItem(isRefusedPromotion(&candidate) ? tr("%1 · promotion: they said no").arg(shown) : shown,
                          QString(candidate.name + QLatin1Char('/') + candidate.language));
        m_picker->setItemData(m_picker->count() - 1, candidate.bodyText, Qt::ToolTipRole);
    }
    m_picker->blockSignals(false);
    chosen(m_picker->currentIndex());
}

const MessageTemplate *TemplatePicker::current() const
{
    const int index = m_picker->currentIndex();
    return index >= 0 && index < m_offered.size() ? &m_offered.at(index) : nullptr;
}

void TemplatePicker::chosen(int index)
{
    Q_UNUSED(index);
    while (m_parameterForm->rowCount() > 0)
        m_parameterForm->removeRow(0);
    m_parameters.clear();
    if (const MessageTemplate *chosenTemplate = current()) {
        const TemplateText text(chosenTemplate->bodyText);
        const int nameVariable = text.customerNameVariable();
        for (int i = 0; i < text.variableCount(); ++i) {
            auto *field = new QLineEdit(this);
            field->setObjectName(QStringLiteral("templateParameter%1").arg(i + 1));
            if (i == nameVariable) {
                field->setText(firstName(m_customerName));
                field->setPlaceholderText(tr("The customer's name"));
            }
            connect(field, &QLineEdit::textChanged, this, &TemplatePicker::updatePreview);
            m_parameters << field;
            auto *label = new QLabel(text.context(i), this);
            label->setTextFormat(Qt::PlainText);
            label->setToolTip(tr("Fills {{%1}} in the template").arg(text.variableName(i)));
            m_parameterForm->addRow(label, field);
        }
    }
    updatePreview();
}

void TemplatePicker::send()
{
    const MessageTemplate *chosenTemplate = current();
    if (!chosenTemplate)
        return;
    const MessageTemplate chosenCopy = *chosenTemplate; // the list may change while the question is open
    const bool pastTheirNo = isRefusedPromotion(chosenTemplate);
    if (pastTheirNo) {
        QMessageBox question(QMessageBox::Warning, tr("Send a promotion to someone who said no?"),
                             tr("%1\n\n“%2” is a promotion (a marketing template). Sending it goes against what the "
                                "customer asked, and WhatsApp may limit the shop's number if customers report it.\n\n"
                                "If you send it anyway, it is recorded with your name.")
                                 .arg(m_promotionsRefused, TemplateChoice::displayName(chosenCopy)),
                             QMessageBox::NoButton, this);
        question.setObjectName(QStringLiteral("promotionPastNoQuestion"));
        QPushButton *sendAnyway = question.addButton(tr("Send it anyway"), QMessageBox::DestructiveRole);
        question.setDefaultButton(question.addButton(tr("Don't send"), QMessageBox::RejectRole));
        question.exec();
        if (question.clickedButton() != sendAnyway)
            return;
    }
    QStringList values;
    for (QLineEdit *field : std::as_const(m_parameters))
        values << field->text().trimmed();
    Q_EMIT sendTemplate(chosenCopy, values, pastTheirNo);
}

void TemplatePicker::setPrices(const SendPrices &prices)
{
    m_prices = prices;
    updatePreview();
}

void TemplatePicker::updatePreview()
{
    const MessageTemplate *chosenTemplate = current();
    const auto price = chosenTemplate ? m_prices.templates.constFind(chosenTemplate->category.toLower()) : m_prices.templates.cend();
    m_price->setVisible(price != m_prices.templates.cend());
    if (price != m_prices.templates.cend())
        m_price->setText(tr("Billed: ~%1 (Meta's %2 rate for this customer's country)")
                             .arg(PriceText::amount(*price, m_prices.currency), TemplateWords::category(chosenTemplate->category)));
    const bool refused = isRefusedPromotion(chosenTemplate);
    m_refusal->setVisible(refused);
    if (refused)
        m_refusal->setText(tr("%1 This template is a promotion: it is not sent to them unless you confirm it.")
                               .arg(m_promotionsRefused));
    m_send->setText(refused ? tr("Send anyway…") : tr("Send template"));
    if (!chosenTemplate) {
        m_preview->setText(m_all.isEmpty() ? tr("No approved templates yet. Create them in Shop ▸ Templates.")
                                           : tr("No approved template to offer. Tick \"Meta's examples\" to see them."));
        m_send->setEnabled(false);
        return;
    }
    QStringList values;
    bool complete = true;
    for (QLineEdit *field : std::as_const(m_parameters)) {
        values << field->text();
        complete = complete && !field->text().trimmed().isEmpty();
    }
    m_preview->setText(TemplateText(chosenTemplate->bodyText).render(values));
    m_send->setEnabled(complete);
}

void TemplatePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        offer();
    }
    QWidget::changeEvent(event);
}

void TemplatePicker::retranslate()
{
    m_picker->setAccessibleName(tr("Approved templates"));
    m_samples->setText(tr("Meta's examples"));
    m_samples->setToolTip(tr("Show the sample templates Meta gives every new account, such as hello_world"));
    updatePreview();
}

} // namespace Mostrador
