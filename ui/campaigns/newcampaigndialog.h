#pragma once

#include "api/apitypes.h"
#include "campaigns/campaignplan.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace Mostrador {

class Clock;
class Database;
class TemplatePreview;

// A new campaign: an approved template and its values (fixed, or from each customer), who it
// goes to (a label, who wrote in some days, a spreadsheet, a search), its pace and its time;
// before anything is sent, how many will get it, who is left out and why, and what it should
// cost by country from the shop's rate card (dated, with its source).
class NewCampaignDialog final : public QDialog
{
    Q_OBJECT

public:
    NewCampaignDialog(Database &database, const Clock &clock, const QList<MessageTemplate> &templates, const QStringList &labels,
                      const QString &region, QWidget *parent = nullptr);

    // The number's templates (read from Meta after the window opened): the approved ones are offered.
    void setTemplates(const QList<MessageTemplate> &templates);
    // Chooses the audience without the user (the demo's pictures, the tests).
    void chooseLabel(const QString &label);
    void chooseTemplate(const QString &name, const QString &language);
    // Counts the audience and the estimate now.
    void check();

Q_SIGNALS:
    void created(qint64 campaignId);
    void rateCardRequested();

private:
    [[nodiscard]] const MessageTemplate *chosenTemplate() const;
    [[nodiscard]] CampaignAudience audience() const;
    [[nodiscard]] QStringList parameters() const;
    [[nodiscard]] QStringList variables() const;
    // Who would get it; with `createListedCustomers`, a list's new numbers become customers.
    [[nodiscard]] std::optional<CampaignPlan> plan(bool createListedCustomers, QString *problem) const;
    void templateChanged();
    void showPreview();
    void create();
    // Asked once before anything leaves: how many, what it costs, when. True to go ahead.
    [[nodiscard]] bool confirmed(const CampaignPlan &plan, const Campaign &campaign);

    Database &m_database;
    const Clock &m_clock;
    QList<MessageTemplate> m_templates;
    QString m_region;
    QLineEdit *m_name = nullptr;
    QComboBox *m_template = nullptr;
    QFormLayout *m_values = nullptr;
    QList<QComboBox *> m_valueFields;
    QComboBox *m_audienceKind = nullptr;
    QStackedWidget *m_audiencePages = nullptr;
    QComboBox *m_label = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_listPath = nullptr;
    QLineEdit *m_search = nullptr;
    QSpinBox *m_perSecond = nullptr;
    QCheckBox *m_later = nullptr;
    QDateTimeEdit *m_at = nullptr;
    TemplatePreview *m_preview = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_send = nullptr;
    std::optional<CampaignPlan> m_plan;
    bool m_templatesRead = false;
};

} // namespace Mostrador
