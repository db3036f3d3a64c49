#pragma once

#include "api/templatedraft.h"

#include <QDialog>
#include <QHash>
#include <QPixmap>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Mostrador {

class TemplateLibrary;
class TemplatePreview;

// Writes a template for Meta's review: its name (Meta's rules said as it is typed), category,
// header, text in Spanish and English side by side, each variable's example, footer and
// buttons, with a preview of what the customer will see and every rule it breaks listed before
// it can be submitted. Submitting sends one template per language and says Meta's answer.
class TemplateEditor final : public QDialog
{
    Q_OBJECT

public:
    explicit TemplateEditor(TemplateLibrary &library, QWidget *parent = nullptr);

    // Starts from an existing template (a copy under a new name: Meta does not let an approved
    // template's words change much, and a new name is reviewed afresh).
    void startFrom(const TemplateDraft &draft);

    [[nodiscard]] TemplateDraft draftFor(const QString &language) const;
    [[nodiscard]] QStringList languages() const;
    [[nodiscard]] QStringList problems() const;

Q_SIGNALS:
    void submitted(const QString &name);

private:
    struct Language {
        QString code;
        QPlainTextEdit *body = nullptr;
        QFormLayout *examples = nullptr;
        QWidget *column = nullptr;
        QHash<QString, QLineEdit *> exampleFields;
        QHash<QString, QString> typed; // kept while the text changes
    };

    QWidget *languageColumn(Language &language, const QString &title);
    void rebuildExamples(Language &language);
    void refresh();
    void chooseImage();
    void addButtonRow();
    void submit();
    void submitNext(QStringList remaining);

    TemplateLibrary &m_library;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameProblem = nullptr;
    QComboBox *m_category = nullptr;
    QCheckBox *m_english = nullptr;
    QComboBox *m_header = nullptr;
    QLineEdit *m_headerText = nullptr;
    QPushButton *m_headerImage = nullptr;
    QByteArray m_imageBytes;
    QString m_imageType;
    QString m_imageName;
    QPixmap m_image;
    Language m_spanish;
    Language m_englishColumn;
    QLineEdit *m_footer = nullptr;
    QTableWidget *m_buttons = nullptr;
    QComboBox *m_previewLanguage = nullptr;
    TemplatePreview *m_preview = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_answer = nullptr;
    QPushButton *m_submit = nullptr;
};

} // namespace Mostrador
