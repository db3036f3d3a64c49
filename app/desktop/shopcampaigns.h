#pragma once

#include "api/apitypes.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QDialog;

namespace Mostrador {

class CampaignsDialog;
class MainWindow;
class ShopServices;
class TemplateDraft;
class TemplateLibrary;
class TemplatesDialog;

// Shop ▸ Templates and Shop ▸ Campaigns: the windows, Meta's template list they share, what the
// template webhooks say shown as it comes, and a new campaign handed to whoever sends it.
class ShopCampaigns final : public QObject
{
    Q_OBJECT

public:
    ShopCampaigns(ShopServices &shop, MainWindow &window, QObject *parent = nullptr);
    ~ShopCampaigns() override;

    QDialog *showTemplates();
    QDialog *writeTemplate(const TemplateDraft *startFrom = nullptr);
    QDialog *showCampaigns();
    QDialog *newCampaign();
    // Opens one by its --show name (templates, template-editor, campaigns, new-campaign).
    QDialog *show(const QString &name);

Q_SIGNALS:
    // The shop saved a newer rate card: the composer's prices follow it.
    void rateCardSaved();

private:
    void withTemplates(std::function<void(const QList<MessageTemplate> &)> use);
    void chooseRateCard(QWidget *over);

    ShopServices &m_shop;
    MainWindow &m_window;
    std::unique_ptr<TemplateLibrary> m_library;
    QPointer<TemplatesDialog> m_templates;
    QPointer<CampaignsDialog> m_campaigns;
};

} // namespace Mostrador
