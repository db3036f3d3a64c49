#include "shopcampaigns.h"

#include "windowfit.h"

#include "api/templatelibrary.h"
#include "campaigns/campaignscheduler.h"
#include "campaigns/campaignsdialog.h"
#include "campaigns/newcampaigndialog.h"
#include "campaigns/templateeditor.h"
#include "campaigns/templatesdialog.h"
#include "mainwindow/mainwindow.h"
#include "reports/ratecard.h"
#include "services/shopservices.h"
#include "inbox/labelstore.h"
#include "campaigns/templatereviewstore.h"
#include "webhook/webhookingestor.h"

#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>

namespace Mostrador {

ShopCampaigns::ShopCampaigns(ShopServices &shop, MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
    , m_library(std::make_unique<TemplateLibrary>(shop.client()))
{
    connect(&window, &MainWindow::templatesRequested, this, &ShopCampaigns::showTemplates);
    connect(&window, &MainWindow::campaignsRequested, this, &ShopCampaigns::showCampaigns);
    // Meta's review arrives by webhook: an open list shows it at once.
    connect(&shop.ingestor(), &WebhookIngestor::templatesReviewed, this, [this] {
        if (m_templates)
            m_templates->reload();
    });
    connect(&shop.campaigns(), &CampaignScheduler::progressed, this, [this] {
        if (m_campaigns)
            m_campaigns->reload();
    });
}

ShopCampaigns::~ShopCampaigns() = default;

QDialog *ShopCampaigns::show(const QString &name)
{
    if (name == QLatin1String("templates"))
        return showTemplates();
    if (name == QLatin1String("template-editor"))
        return writeTemplate();
    if (name == QLatin1String("campaigns"))
        return showCampaigns();
    if (name == QLatin1String("new-campaign"))
        return newCampaign();
    return nullptr;
}

QDialog *ShopCampaigns::showTemplates()
{
    if (m_templates) {
        m_templates->raise();
        return m_templates;
    }
    Database &database = m_shop.database();
    m_templates = new TemplatesDialog(*m_library, [&database] {
        StoreError error;
        return TemplateReviewStore(database).reviews(&error);
    }, &m_window);
    m_templates->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_templates, &TemplatesDialog::writeRequested, this, &ShopCampaigns::writeTemplate);
    fitToScreen(m_templates, m_window);
    m_templates->open();
    m_templates->reload();
    return m_templates;
}

QDialog *ShopCampaigns::writeTemplate(const TemplateDraft *startFrom)
{
    QWidget *over = m_templates ? static_cast<QWidget *>(m_templates) : &m_window;
    auto *editor = new TemplateEditor(*m_library, over);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (startFrom)
        editor->startFrom(*startFrom);
    connect(editor, &TemplateEditor::submitted, this, [this] {
        if (m_templates)
            m_templates->reload();
    });
    fitToScreen(editor, m_window);
    editor->open();
    return editor;
}

QDialog *ShopCampaigns::showCampaigns()
{
    if (m_campaigns) {
        m_campaigns->raise();
        return m_campaigns;
    }
    m_campaigns = new CampaignsDialog(m_shop.database(), &m_window);
    m_campaigns->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_campaigns, &CampaignsDialog::newCampaignRequested, this, &ShopCampaigns::newCampaign);
    connect(m_campaigns, &CampaignsDialog::changed, &m_shop.campaigns(), &CampaignScheduler::pollSoon);
    fitToScreen(m_campaigns, m_window);
    m_campaigns->open();
    return m_campaigns;
}

void ShopCampaigns::withTemplates(std::function<void(const QList<MessageTemplate> &)> use)
{
    auto *library = new TemplateLibrary(m_shop.client(), this);
    connect(library, &TemplateLibrary::loaded, this, [library, use](const QList<MessageTemplate> &templates) {
        use(templates);
        library->deleteLater();
    });
    connect(library, &TemplateLibrary::failed, this, [this, library](const WireError &error) {
        QMessageBox::warning(&m_window, tr("Templates"), tr("The number's templates could not be read: %1").arg(error.userMessage()));
        library->deleteLater();
    });
    library->load();
}

QDialog *ShopCampaigns::newCampaign()
{
    StoreError error;
    QStringList labels;
    for (const Label &label : LabelStore(m_shop.database()).labels(&error))
        labels << label.name;
    QWidget *over = m_campaigns ? static_cast<QWidget *>(m_campaigns) : &m_window;
    auto *dialog = new NewCampaignDialog(m_shop.database(), m_shop.clock(), {}, labels, m_shop.region(), over);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewCampaignDialog::rateCardRequested, this, [this, dialog] { chooseRateCard(dialog); });
    connect(dialog, &NewCampaignDialog::created, this, [this](qint64 id) {
        m_shop.campaigns().pollSoon();
        showCampaigns();
        m_campaigns->reload();
        m_campaigns->select(id);
    });
    QPointer<NewCampaignDialog> guard(dialog);
    withTemplates([guard](const QList<MessageTemplate> &templates) {
        if (guard)
            guard->setTemplates(templates);
    });
    fitToScreen(dialog, m_window);
    dialog->open();
    return dialog;
}

void ShopCampaigns::chooseRateCard(QWidget *over)
{
    const QString path = QFileDialog::getOpenFileName(over, tr("Meta's prices"), QString(), tr("Rate cards (*.csv)"));
    if (path.isEmpty())
        return;
    QString problem;
    if (!RateCard::saveFileForShop(m_shop.database(), path, &problem)) {
        QMessageBox::warning(over, tr("Rate card"), problem);
        return;
    }
    Q_EMIT rateCardSaved();
}

} // namespace Mostrador
