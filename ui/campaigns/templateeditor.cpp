#include "templateeditor.h"

#include "api/templatelibrary.h"
#include "api/templatetext.h"
#include "widgets/templatepreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

enum ButtonColumn { KindColumn, TextColumn, TargetColumn };

QString languageName(const QString &code)
{
    return code == QLatin1String("en") ? TemplateEditor::tr("English") : TemplateEditor::tr("Spanish");
}

} // namespace

TemplateEditor::TemplateEditor(TemplateLibrary &library, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
{
    setObjectName(QStringLiteral("templateEditor"));
    setWindowTitle(tr("New template"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("templateName"));
    m_name->setPlaceholderText(tr("for example: manta_llego"));
    m_nameProblem = new QLabel(this);
    m_nameProblem->setObjectName(QStringLiteral("nameProblem"));
    m_nameProblem->setWordWrap(true);
    m_nameProblem->setForegroundRole(QPalette::PlaceholderText);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("templateCategory"));
    m_category->addItem(tr("Utility: an order, a delivery, a reminder"), QStringLiteral("UTILITY"));
    m_category->addItem(tr("Marketing: offers, news, invitations (costs more)"), QStringLiteral("MARKETING"));
    m_category->addItem(tr("Authentication: a one-time code (WhatsApp writes the text)"), QStringLiteral("AUTHENTICATION"));
    m_english = new QCheckBox(tr("Also in English"), this);
    m_english->setObjectName(QStringLiteral("alsoEnglish"));
    m_header = new QComboBox(this);
    m_header->addItem(tr("No header"));
    m_header->addItem(tr("A line of text"));
    m_header->addItem(tr("An image"));
    m_header->addItem(tr("A video"));
    m_header->addItem(tr("A document"));
    m_headerText = new QLineEdit(this);
    m_headerText->setObjectName(QStringLiteral("headerText"));
    m_headerText->setMaxLength(TemplateDraft::kMaxHeaderTextLength + 10);
    m_headerImage = new QPushButton(tr("Choose the example file…"), this);
    m_footer = new QLineEdit(this);
    m_footer->setObjectName(QStringLiteral("templateFooter"));
    m_footer->setPlaceholderText(tr("for example: Responde BAJA si no quieres recibir más"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("Category"), m_category);
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header);
    headerRow->addWidget(m_headerText, 1);
    headerRow->addWidget(m_headerImage);
    form->addRow(tr("Header"), headerRow);

    m_spanish.code = QStringLiteral("es");
    m_englishColumn.code = QStringLiteral("en");
    auto *texts = new QHBoxLayout;
    texts->addWidget(languageColumn(m_spanish, tr("Text in Spanish")));
    texts->addWidget(languageColumn(m_englishColumn, tr("Text in English")));

    m_buttons = new QTableWidget(0, 3, this);
    m_buttons->setObjectName(QStringLiteral("templateButtons"));
    m_buttons->setHorizontalHeaderLabels({tr("Button"), tr("Text"), tr("Link or number")});
    m_buttons->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    m_buttons->setColumnWidth(KindColumn, 170);
    m_buttons->setColumnWidth(TextColumn, 190);
    m_buttons->verticalHeader()->hide();
    m_buttons->setMaximumHeight(120);
    auto *addButton = new QPushButton(tr("Add a button"), this);
    auto *removeButton = new QPushButton(tr("Remove"), this);
    auto *buttonActions = new QHBoxLayout;
    buttonActions->addWidget(addButton);
    buttonActions->addWidget(removeButton);
    buttonActions->addStretch();

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_english);
    left->addLayout(texts, 1);
    auto *footerForm = new QFormLayout;
    footerForm->addRow(tr("Footer"), m_footer);
    left->addLayout(footerForm);
    left->addWidget(m_buttons);
    left->addLayout(buttonActions);

    m_previewLanguage = new QComboBox(this);
    m_previewLanguage->addItem(languageName(QStringLiteral("es")), QStringLiteral("es"));
    m_preview = new TemplatePreview(this);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("templateProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_answer = new QLabel(this);
    m_answer->setObjectName(QStringLiteral("templateAnswer"));
    m_answer->setWordWrap(true);
    auto *right = new QVBoxLayout;
    auto *previewTitle = new QHBoxLayout;
    previewTitle->addWidget(new QLabel(tr("As the customer sees it:"), this));
    previewTitle->addWidget(m_previewLanguage);
    previewTitle->addStretch();
    right->addLayout(previewTitle);
    right->addWidget(m_preview);
    right->addWidget(m_problems);
    right->addStretch();
    right->addWidget(m_answer);

    auto *body = new QWidget(this);
    auto *columns = new QHBoxLayout(body);
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = box->addButton(tr("Submit for review"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitTemplate"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(box);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, &TemplateEditor::submit);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &typed) {
        // People type a title; Meta wants a name: the one it becomes is shown as they go.
        const QString suggested = TemplateDraft::suggestedName(typed);
        if (suggested != typed && !suggested.isEmpty() && typed.contains(QLatin1Char(' ')))
            m_nameProblem->setText(tr("It will be named %1").arg(suggested));
        refresh();
    });
    for (QObject *field : std::initializer_list<QObject *>{m_headerText, m_footer})
        connect(qobject_cast<QLineEdit *>(field), &QLineEdit::textChanged, this, &TemplateEditor::refresh);
    connect(m_category, &QComboBox::currentIndexChanged, this, &TemplateEditor::refresh);
    connect(m_header, &QComboBox::currentIndexChanged, this, &TemplateEditor::refresh);
    connect(m_previewLanguage, &QComboBox::currentIndexChanged, this, &TemplateEditor::refresh);
    connect(m_headerImage, &QPushButton::clicked, this, &TemplateEditor::chooseImage);
    connect(m_english, &QCheckBox::toggled, this, [this](bool on) {
        m_englishColumn.column->setVisible(on);
        if (on && m_previewLanguage->count() == 1)
            m_previewLanguage->addItem(languageName(QStringLiteral("en")), QStringLiteral("en"));
        else if (!on && m_previewLanguage->count() == 2)
            m_previewLanguage->removeItem(1);
        refresh();
    });
    connect(addButton, &QPushButton::clicked, this, [this] {
        addButtonRow();
        const int row = m_buttons->rowCount() - 1;
        m_buttons->setCurrentCell(row, TextColumn);
        m_buttons->editItem(m_buttons->item(row, TextColumn));
    });
    connect(removeButton, &QPushButton::clicked, this, [this] {
        if (m_buttons->currentRow() >= 0)
            m_buttons->removeRow(m_buttons->currentRow());
        refresh();
    });
    connect(m_buttons, &QTableWidget::itemChanged, this, &TemplateEditor::refresh);
    connect(&m_library, &TemplateLibrary::submitted, this, [this](const TemplateLibrary::Submitted &result) {
        m_answer->setText(m_answer->text() + tr("%1: %2. Meta usually answers within minutes, at most in a day.")
                                                 .arg(languageName(property("submitting").toString()), TemplateWords::status(result.status))
                          + QLatin1Char('\n'));
        submitNext(property("remaining").toStringList());
    });
    connect(&m_library, &TemplateLibrary::failed, this, [this](const WireError &error) {
        m_answer->setText(m_answer->text() + tr("Meta did not take it: %1").arg(error.details.isEmpty() ? error.title : error.details)
                          + QLatin1Char('\n'));
        m_submit->setEnabled(true);
    });

    // Down the form as it reads: the texts come before the footer and the buttons.
    QWidget *order[] = {m_name, m_category, m_header, m_headerText, m_headerImage, m_english, m_spanish.body, m_englishColumn.body,
                        m_footer, m_buttons, addButton, removeButton};
    for (std::size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
    m_englishColumn.column->setVisible(false);
    resize(980, 680);
    refresh();
}

QWidget *TemplateEditor::languageColumn(Language &language, const QString &title)
{
    auto *group = new QGroupBox(title, this);
    language.column = group;
    language.body = new QPlainTextEdit(group);
    language.body->setObjectName(QStringLiteral("templateBody_") + language.code);
    language.body->setPlaceholderText(language.code == QLatin1String("es")
                                          ? tr("Hola {{1}}, llegó la manta que pediste. Te la guardamos hasta el {{2}}.")
                                          : tr("Hi {{1}}, the blanket you asked for has arrived. We keep it for you until {{2}}."));
    language.body->setTabChangesFocus(true);
    language.body->setMinimumHeight(90);
    language.body->setMaximumHeight(150);
    auto *examples = new QWidget(group);
    language.examples = new QFormLayout(examples);
    language.examples->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(language.body);
    layout->addWidget(new QLabel(tr("Variables go in double braces: {{1}}, {{2}}, or {{first_name}}. An example of each for Meta:"), group));
    layout->addWidget(examples);
    connect(language.body, &QPlainTextEdit::textChanged, this, [this, &language] {
        rebuildExamples(language);
        refresh();
    });
    return group;
}

void TemplateEditor::rebuildExamples(Language &language)
{
    for (auto it = language.exampleFields.cbegin(); it != language.exampleFields.cend(); ++it)
        language.typed.insert(it.key(), it.value()->text());
    const TemplateText text(language.body->toPlainText());
    QStringList names;
    for (int i = 0; i < text.variableCount(); ++i)
        names << text.variableName(i);
    if (names == language.exampleFields.keys() && names.size() == language.examples->rowCount())
        return;
    while (language.examples->rowCount() > 0)
        language.examples->removeRow(0);
    language.exampleFields.clear();
    for (int i = 0; i < names.size(); ++i) {
        auto *field = new QLineEdit(language.typed.value(names.at(i)), language.column);
        field->setObjectName(QStringLiteral("example_%1_%2").arg(language.code, names.at(i)));
        field->setPlaceholderText(text.context(i));
        connect(field, &QLineEdit::textChanged, this, &TemplateEditor::refresh);
        language.examples->addRow(QStringLiteral("{{%1}}").arg(names.at(i)), field);
        language.exampleFields.insert(names.at(i), field);
        // Tab goes from the text to its examples, in order.
        setTabOrder(i == 0 ? static_cast<QWidget *>(language.body) : language.exampleFields.value(names.at(i - 1)), field);
    }
}

void TemplateEditor::addButtonRow()
{
    const QSignalBlocker quiet(m_buttons); // the row is read only once whole
    const int row = m_buttons->rowCount();
    m_buttons->insertRow(row);
    auto *kind = new QComboBox(m_buttons);
    kind->addItem(tr("Quick reply"));
    kind->addItem(tr("Link"));
    kind->addItem(tr("Call"));
    m_buttons->setCellWidget(row, KindColumn, kind);
    m_buttons->setItem(row, TextColumn, new QTableWidgetItem);
    m_buttons->setItem(row, TargetColumn, new QTableWidgetItem);
    connect(kind, &QComboBox::currentIndexChanged, this, &TemplateEditor::refresh);
}

void TemplateEditor::chooseImage()
{
    const int kind = m_header->currentIndex();
    const QString filter = kind == 3 ? tr("Videos (*.mp4 *.3gp)") : kind == 4 ? tr("Documents (*.pdf)") : tr("Images (*.jpg *.jpeg *.png)");
    const QString path = QFileDialog::getOpenFileName(this, tr("The header's example"), QString(), filter);
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    m_imageBytes = file.readAll();
    m_imageType = QMimeDatabase().mimeTypeForData(m_imageBytes).name();
    m_imageName = QFileInfo(path).fileName();
    m_image.loadFromData(m_imageBytes);
    m_headerImage->setText(m_imageName);
    refresh();
}

void TemplateEditor::startFrom(const TemplateDraft &draft)
{
    setWindowTitle(tr("New template from %1").arg(draft.name));
    m_name->setText(draft.name + QStringLiteral("_2"));
    m_category->setCurrentIndex(std::max(0, m_category->findData(draft.category.toUpper())));
    m_header->setCurrentIndex(int(draft.header));
    m_headerText->setText(draft.headerText);
    Language &language = TemplateChoice::primaryLanguage(draft.language) == QLatin1String("en") ? m_englishColumn : m_spanish;
    if (&language == &m_englishColumn)
        m_english->setChecked(true);
    language.body->setPlainText(draft.body);
    for (int i = 0; i < draft.examples.size(); ++i) {
        if (QLineEdit *field = language.exampleFields.value(draft.bodyVariables().value(i)))
            field->setText(draft.examples.at(i));
    }
    m_footer->setText(draft.footer);
    for (const TemplateButton &button : draft.buttons) {
        addButtonRow();
        const int row = m_buttons->rowCount() - 1;
        qobject_cast<QComboBox *>(m_buttons->cellWidget(row, KindColumn))->setCurrentIndex(int(button.kind));
        m_buttons->item(row, TextColumn)->setText(button.text);
        m_buttons->item(row, TargetColumn)->setText(button.target);
    }
    refresh();
}

QStringList TemplateEditor::languages() const
{
    QStringList codes;
    if (!m_spanish.body->toPlainText().trimmed().isEmpty() || !m_english->isChecked())
        codes << m_spanish.code;
    if (m_english->isChecked())
        codes << m_englishColumn.code;
    return codes;
}

TemplateDraft TemplateEditor::draftFor(const QString &code) const
{
    const Language &language = code == QLatin1String("en") ? m_englishColumn : m_spanish;
    TemplateDraft draft;
    draft.name = TemplateDraft::suggestedName(m_name->text()).isEmpty() ? m_name->text() : TemplateDraft::suggestedName(m_name->text());
    draft.language = code;
    draft.category = m_category->currentData().toString();
    draft.header = TemplateDraft::Header(m_header->currentIndex()); // the list is in the enum's order
    draft.headerText = m_headerText->text();
    if (draft.header != TemplateDraft::Header::None && draft.header != TemplateDraft::Header::Text && !m_imageBytes.isEmpty())
        draft.headerMediaHandle = QStringLiteral("uploaded when submitted");
    draft.body = language.body->toPlainText();
    for (const QString &variable : draft.bodyVariables())
        draft.examples << (language.exampleFields.contains(variable) ? language.exampleFields.value(variable)->text() : QString());
    draft.footer = m_footer->text();
    for (int row = 0; row < m_buttons->rowCount(); ++row) {
        TemplateButton button;
        button.kind = TemplateButton::Kind(qobject_cast<QComboBox *>(m_buttons->cellWidget(row, KindColumn))->currentIndex());
        const QTableWidgetItem *text = m_buttons->item(row, TextColumn);
        const QTableWidgetItem *target = m_buttons->item(row, TargetColumn);
        button.text = text ? text->text() : QString();
        button.target = target ? target->text() : QString();
        // A link ending in {{1}}: Meta wants a whole example address, made from the link itself.
        if (button.kind == TemplateButton::Kind::Url && button.target.endsWith(QLatin1String("{{1}}")))
            button.example = QString(button.target).replace(QLatin1String("{{1}}"), QLatin1String("ejemplo"));
        draft.buttons << button;
    }
    return draft;
}

QStringList TemplateEditor::problems() const
{
    QStringList found;
    for (const QString &code : languages()) {
        for (const QString &problem : draftFor(code).problems()) {
            const QString line = languages().size() > 1 ? languageName(code) + QStringLiteral(": ") + problem : problem;
            if (!found.contains(line) && !found.contains(problem))
                found << line;
        }
    }
    return found;
}

void TemplateEditor::refresh()
{
    m_headerText->setVisible(m_header->currentIndex() == 1);
    m_headerImage->setVisible(m_header->currentIndex() >= 2);
    const QString nameProblem = TemplateDraft::nameProblem(draftFor(QStringLiteral("es")).name);
    if (!m_name->text().isEmpty() && !nameProblem.isEmpty())
        m_nameProblem->setText(nameProblem);
    else if (!m_name->text().contains(QLatin1Char(' ')))
        m_nameProblem->clear();

    const QString code = m_previewLanguage->currentData().toString();
    const TemplateDraft draft = draftFor(code.isEmpty() ? QStringLiteral("es") : code);
    QStringList buttons;
    for (const TemplateButton &button : draft.buttons)
        buttons << button.text;
    const TemplateText header(draft.headerText);
    const bool fileHeader = draft.header == TemplateDraft::Header::Video || draft.header == TemplateDraft::Header::Document;
    m_preview->showMessage(draft.header == TemplateDraft::Header::Text ? header.render({draft.headerExample})
                           : fileHeader && !m_imageName.isEmpty() ? (draft.header == TemplateDraft::Header::Video ? QStringLiteral("🎬 ")
                                                                                                                 : QStringLiteral("📄 "))
                                   + m_imageName
                                                                  : QString(),
                    draft.header == TemplateDraft::Header::Image ? m_image : QPixmap(),
                    TemplateText(draft.body).render(draft.examples, QStringLiteral("[%1]")), draft.footer, buttons);

    const QStringList found = problems();
    m_problems->setText(found.isEmpty() ? tr("Meta's rules are met: it can be submitted.")
                                        : tr("Before submitting:") + QStringLiteral("\n• ") + found.join(QStringLiteral("\n• ")));
    m_problems->setForegroundRole(found.isEmpty() ? QPalette::WindowText : QPalette::PlaceholderText);
    m_submit->setEnabled(found.isEmpty());
}

void TemplateEditor::submit()
{
    m_submit->setEnabled(false);
    m_answer->clear();
    submitNext(languages());
}

void TemplateEditor::submitNext(QStringList remaining)
{
    if (remaining.isEmpty()) {
        Q_EMIT submitted(draftFor(QStringLiteral("es")).name);
        m_submit->setText(tr("Submitted"));
        if (auto *box = findChild<QDialogButtonBox *>())
            box->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
        return;
    }
    const QString code = remaining.takeFirst();
    setProperty("submitting", code);
    setProperty("remaining", remaining);
    m_library.submit(draftFor(code), m_imageBytes, m_imageType, m_imageName);
}

} // namespace Mostrador
