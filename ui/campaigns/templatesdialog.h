#pragma once

#include "api/apitypes.h"
#include "campaigns/templatereviewstore.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Mostrador {

class TemplateDraft;
class TemplateLibrary;
class TemplatePreview;

// Shop ▸ Templates: the number's templates with Meta's review (approved, in review, rejected
// and why, paused, disabled), category, language, quality and the text as customers see it;
// what Meta's webhooks said since (a template moved to marketing is said plainly); new ones
// written in the editor; deleting one says what that means.
class TemplatesDialog final : public QDialog
{
    Q_OBJECT

public:
    using Reviews = std::function<QHash<QString, TemplateReview>()>;
    TemplatesDialog(TemplateLibrary &library, Reviews reviews, QWidget *parent = nullptr);

    void reload();
    // Meta's webhooks said something new: shown without asking Meta again.
    void reviewsChanged();
    [[nodiscard]] QList<MessageTemplate> templates() const { return m_templates; }

Q_SIGNALS:
    void writeRequested(const Mostrador::TemplateDraft *startFrom); // null: a new one

private:
    void showTemplates(const QList<MessageTemplate> &templates);
    void showSelected();
    void removeSelected();
    [[nodiscard]] const MessageTemplate *selected() const;

    TemplateLibrary &m_library;
    Reviews m_reviews;
    QList<MessageTemplate> m_templates;
    QLabel *m_notices = nullptr;
    QTreeWidget *m_list = nullptr;
    TemplatePreview *m_preview = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Mostrador
