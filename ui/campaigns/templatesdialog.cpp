#include "templatesdialog.h"

#include "api/templatedraft.h"
#include "api/templatelibrary.h"
#include "api/templatetext.h"
#include "widgets/templatepreview.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

enum Column { NameColumn, LanguageColumn, StatusColumn, CategoryColumn, QualityColumn };

} // namespace

TemplatesDialog::TemplatesDialog(TemplateLibrary &library, Reviews reviews, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_reviews(std::move(reviews))
{
    setObjectName(QStringLiteral("templatesDialog"));
    setWindowTitle(tr("Templates"));

    auto *intro = new QLabel(tr("Templates are the messages Meta approves for writing first, or after 24 hours without "
                                "hearing from a customer."), this);
    intro->setWordWrap(true);
    m_notices = new QLabel(this);
    m_notices->setObjectName(QStringLiteral("templateNotices"));
    m_notices->setWordWrap(true);
    m_notices->setVisible(false);
    QFont strong = m_notices->font();
    strong.setBold(true);
    m_notices->setFont(strong);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Template"), tr("Language"), tr("Meta's review"), tr("Category"), tr("Quality")});
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_preview = new TemplatePreview(this);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("templateDetails"));
    m_details->setWordWrap(true);
    m_status = new QLabel(tr("Reading the number's templates…"), this);

    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("As the customer sees it:"), this));
    right->addWidget(m_preview);
    right->addWidget(m_details);
    right->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list, 3);
    columns->addLayout(right, 2);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *write = box->addButton(tr("New template…"), QDialogButtonBox::ActionRole);
    write->setObjectName(QStringLiteral("newTemplate"));
    m_copy = box->addButton(tr("New from this one…"), QDialogButtonBox::ActionRole);
    m_delete = box->addButton(tr("Delete…"), QDialogButtonBox::ActionRole);
    m_delete->setObjectName(QStringLiteral("deleteTemplate"));
    auto *refresh = box->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_notices);
    layout->addLayout(columns, 1);
    layout->addWidget(m_status);
    layout->addWidget(box);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(write, &QPushButton::clicked, this, [this] { Q_EMIT writeRequested(nullptr); });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (const MessageTemplate *templ = selected()) {
            const TemplateDraft draft = TemplateDraft::fromTemplate(*templ);
            Q_EMIT writeRequested(&draft);
        }
    });
    connect(m_delete, &QPushButton::clicked, this, &TemplatesDialog::removeSelected);
    connect(refresh, &QPushButton::clicked, this, &TemplatesDialog::reload);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &TemplatesDialog::showSelected);
    connect(&m_library, &TemplateLibrary::loaded, this, &TemplatesDialog::showTemplates);
    connect(&m_library, &TemplateLibrary::failed, this, [this](const WireError &error) {
        m_status->setText(tr("Meta did not answer: %1").arg(error.details.isEmpty() ? error.userMessage() : error.details));
    });
    connect(&m_library, &TemplateLibrary::removed, this, &TemplatesDialog::reload);
    resize(960, 600);
    showSelected();
}

void TemplatesDialog::reload()
{
    m_status->setText(tr("Reading the number's templates…"));
    m_library.load();
}

void TemplatesDialog::reviewsChanged()
{
    showTemplates(m_templates);
}

void TemplatesDialog::showTemplates(const QList<MessageTemplate> &templates)
{
    // What Meta's webhooks said since its list was read wins: it is the latest word.
    const QHash<QString, TemplateReview> reviews = m_reviews ? m_reviews() : QHash<QString, TemplateReview>();
    m_templates = templates;
    QStringList notices;
    for (MessageTemplate &templ : m_templates) {
        const TemplateReview review = reviews.value(TemplateReviewStore::key(templ.name, templ.language));
        if (!review.status.isEmpty())
            templ.status = review.status;
        if (!review.reason.isEmpty() && review.status == QLatin1String("REJECTED"))
            templ.rejectedReason = review.reason;
        if (!review.category.isEmpty())
            templ.category = review.category;
        if (!review.quality.isEmpty())
            templ.quality = review.quality;
        if (!review.previousCategory.isEmpty() && review.previousCategory != review.category)
            notices << QStringLiteral("%1 (%2): %3").arg(TemplateChoice::displayName(templ), templ.language,
                                                         TemplateWords::recategorised(review.previousCategory, review.category));
        if (review.status == QLatin1String("PAUSED") || review.status == QLatin1String("DISABLED"))
            notices << tr("%1 (%2) is %3: customers did not like it (blocked or reported the shop). It cannot be sent for now.")
                           .arg(TemplateChoice::displayName(templ), templ.language, TemplateWords::status(review.status));
    }
    m_notices->setText(notices.isEmpty() ? QString() : QStringLiteral("⚠ ") + notices.join(QStringLiteral("\n⚠ ")));
    m_notices->setVisible(!notices.isEmpty());

    const QString current = m_list->currentItem() ? m_list->currentItem()->data(NameColumn, Qt::UserRole).toString() : QString();
    m_list->clear();
    for (int index = 0; index < m_templates.size(); ++index) {
        const MessageTemplate &templ = m_templates.at(index);
        auto *item = new QTreeWidgetItem(m_list, {TemplateChoice::displayName(templ), templ.language, TemplateWords::status(templ.status),
                                                  TemplateWords::category(templ.category), TemplateWords::quality(templ.quality)});
        item->setData(NameColumn, Qt::UserRole, QString(templ.name + QLatin1Char('/') + templ.language));
        item->setData(NameColumn, Qt::UserRole + 1, index);
        item->setToolTip(NameColumn, templ.name);
        if (!templ.isApproved())
            item->setForeground(StatusColumn, palette().brush(QPalette::PlaceholderText));
        if (item->data(NameColumn, Qt::UserRole).toString() == current)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    for (int column = LanguageColumn; column <= QualityColumn; ++column)
        m_list->resizeColumnToContents(column);
    m_status->setText(tr("%n template(s).", nullptr, int(m_templates.size())));
    showSelected();
}

const MessageTemplate *TemplatesDialog::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const int index = item->data(NameColumn, Qt::UserRole + 1).toInt();
    return index >= 0 && index < m_templates.size() ? &m_templates.at(index) : nullptr;
}

void TemplatesDialog::showSelected()
{
    const MessageTemplate *templ = selected();
    m_copy->setEnabled(templ);
    m_delete->setEnabled(templ);
    m_preview->setVisible(templ);
    if (!templ) {
        m_details->clear();
        return;
    }
    const TemplateDraft draft = TemplateDraft::fromTemplate(*templ);
    m_preview->showMessage(TemplateText(draft.headerText).render({draft.headerExample}), {},
                    TemplateText(draft.body).render(draft.examples), draft.footer, templ->buttonTexts());
    QStringList details{tr("Name: %1").arg(templ->name)};
    if (templ->status == QLatin1String("REJECTED"))
        details << tr("Rejected: %1").arg(TemplateWords::rejection(templ->rejectedReason).isEmpty()
                                               ? tr("Meta gave no reason.") : TemplateWords::rejection(templ->rejectedReason))
                << tr("Write it again under a new name, changing what Meta pointed out.");
    else if (templ->status == QLatin1String("PENDING"))
        details << tr("Meta usually answers within minutes, at most in a day; it shows here when it does.");
    if (templ->category.compare(QLatin1String("MARKETING"), Qt::CaseInsensitive) == 0)
        details << tr("Marketing messages cost more, and WhatsApp may hold some back from people who get many.");
    m_details->setText(details.join(QLatin1Char('\n')));
}

void TemplatesDialog::removeSelected()
{
    const MessageTemplate *templ = selected();
    if (!templ)
        return;
    const QString name = templ->name;
    const QString until = QLocale().toString(QDate::currentDate().addDays(TemplateDraft::kDaysBeforeANameReturns), QLocale::LongFormat);
    const auto answer = QMessageBox::question(
        this, tr("Delete %1?").arg(TemplateChoice::displayName(*templ)),
        tr("%1 is deleted in every language, and messages waiting to use it will not go.\n\nMeta keeps the name for %2 days: "
           "no new template can be called %1 until %3.").arg(name).arg(TemplateDraft::kDaysBeforeANameReturns).arg(until),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_status->setText(tr("Deleting %1…").arg(name));
    m_library.remove(name);
}

} // namespace Mostrador
