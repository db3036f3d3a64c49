#include "campaignsdialog.h"

#include "api/templatetext.h"
#include "campaigns/campaignplan.h"
#include "messaging/wireerror.h"
#include "reports/ratecard.h"

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

enum Column { NameColumn, StateColumn, TemplateColumn, ProgressColumn };

QString stateText(const Campaign &campaign)
{
    switch (campaign.state) {
    case CampaignState::Ready:
        return campaign.sendAt.isValid()
            ? CampaignsDialog::tr("scheduled for %1").arg(QLocale().toString(campaign.sendAt.toLocalTime(), QLocale::ShortFormat))
            : CampaignsDialog::tr("about to start");
    case CampaignState::Running: return CampaignsDialog::tr("sending");
    case CampaignState::Paused: return CampaignsDialog::tr("paused");
    case CampaignState::Cancelled: return CampaignsDialog::tr("cancelled");
    case CampaignState::Finished: return CampaignsDialog::tr("sent");
    }
    return {};
}

QString row(const QString &what, int count)
{
    return QStringLiteral("<tr><td>%1</td><td align=right><b>%2</b></td></tr>").arg(what.toHtmlEscaped(), QLocale().toString(count));
}

} // namespace

CampaignsDialog::CampaignsDialog(Database &database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_store(database)
{
    setObjectName(QStringLiteral("campaignsDialog"));
    setWindowTitle(tr("Campaigns"));
    auto *intro = new QLabel(tr("A campaign sends an approved template to many customers, once each, at a pace WhatsApp accepts. "
                                "Customers who asked not to get promotions never get one."), this);
    intro->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("campaignList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Campaign"), tr("State"), tr("Template"), tr("Sent")});
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_results = new QLabel(this);
    m_results->setObjectName(QStringLiteral("campaignResults"));
    m_results->setWordWrap(true);
    m_results->setTextFormat(Qt::RichText);
    m_results->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list, 1);
    columns->addWidget(m_results, 1);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *create = box->addButton(tr("New campaign…"), QDialogButtonBox::ActionRole);
    create->setObjectName(QStringLiteral("newCampaign"));
    m_pause = box->addButton(tr("Pause"), QDialogButtonBox::ActionRole);
    m_pause->setObjectName(QStringLiteral("pauseCampaign"));
    m_cancel = box->addButton(tr("Cancel the campaign…"), QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(columns, 1);
    layout->addWidget(box);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(create, &QPushButton::clicked, this, &CampaignsDialog::newCampaignRequested);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        const auto found = std::find_if(m_campaigns.cbegin(), m_campaigns.cend(), [&](const Campaign &c) { return c.id == selectedId(); });
        if (found != m_campaigns.cend())
            setState(found->state == CampaignState::Paused ? CampaignState::Running : CampaignState::Paused);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Cancel the campaign?"),
                                  tr("Customers who have not got it yet will not get it. What was sent stays sent."),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes)
            setState(CampaignState::Cancelled);
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CampaignsDialog::showSelected);
    m_refresh.setInterval(2000);
    connect(&m_refresh, &QTimer::timeout, this, &CampaignsDialog::reload);
    m_refresh.start();
    resize(900, 520);
    reload();
}

qint64 CampaignsDialog::selectedId() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(NameColumn, Qt::UserRole).toLongLong() : 0;
}

void CampaignsDialog::select(qint64 campaignId)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(NameColumn, Qt::UserRole).toLongLong() == campaignId)
            m_list->setCurrentItem(m_list->topLevelItem(i));
    }
}

void CampaignsDialog::reload()
{
    StoreError error;
    const qint64 selected = selectedId();
    m_campaigns = m_store.all(&error);
    m_list->clear();
    for (const Campaign &campaign : std::as_const(m_campaigns)) {
        const CampaignTally tally = m_store.tally(campaign.id, &error);
        MessageTemplate used;
        used.name = campaign.templateName;
        auto *item = new QTreeWidgetItem(m_list, {campaign.name, stateText(campaign), TemplateChoice::displayName(used),
                                                  tr("%1 of %2").arg(tally.sent + tally.failed).arg(tally.audience)});
        item->setData(NameColumn, Qt::UserRole, campaign.id);
        if (campaign.id == selected)
            m_list->setCurrentItem(item);
    }
    for (int column = StateColumn; column <= ProgressColumn; ++column)
        m_list->resizeColumnToContents(column);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    if (m_campaigns.isEmpty())
        m_results->setText(tr("No campaign yet. A campaign needs an approved template: see Shop ▸ Templates."));
    showSelected();
}

void CampaignsDialog::showSelected()
{
    const auto found = std::find_if(m_campaigns.cbegin(), m_campaigns.cend(), [&](const Campaign &c) { return c.id == selectedId(); });
    const bool over = found == m_campaigns.cend() || found->state == CampaignState::Finished || found->state == CampaignState::Cancelled;
    m_pause->setEnabled(!over);
    m_cancel->setEnabled(!over);
    if (found == m_campaigns.cend())
        return;
    const Campaign &campaign = *found;
    m_pause->setText(campaign.state == CampaignState::Paused ? tr("Resume") : tr("Pause"));
    StoreError error;
    const CampaignTally tally = m_store.tally(campaign.id, &error);
    QString problem;
    const CampaignPlan::Estimate cost = CampaignPlan::charged(tally.charged, RateCard::forShop(m_database, &problem));

    QString html = QStringLiteral("<h3>%1</h3><p>%2</p>").arg(campaign.name.toHtmlEscaped(),
        tr("%1 · %2 · %3").arg(campaign.templateName, TemplateWords::category(campaign.templateCategory), campaign.audience).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=4>");
    html += row(tr("To receive it"), tally.audience);
    html += row(tr("Waiting to go"), tally.waiting + tally.sending);
    html += row(tr("Sent"), tally.sent);
    html += row(tr("Delivered"), tally.delivered);
    html += row(tr("Read"), tally.read);
    html += row(tr("Replied"), tally.replied);
    html += row(tr("Not delivered"), tally.failed);
    if (tally.unconfirmed)
        html += row(tr("Unknown (sent when a crash hit; not sent again)"), tally.unconfirmed);
    html += row(tr("Left out"), tally.skipped);
    html += QStringLiteral("</table>");
    if (!tally.failuresByCode.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b><br>").arg(tr("Why some were not delivered:"));
        for (auto it = tally.failuresByCode.cbegin(); it != tally.failuresByCode.cend(); ++it) {
            const QString reason = WireError::deliveryReason(it.key());
            html += QStringLiteral("%1 × %2 (%3)<br>").arg(it.value()).arg((reason.isEmpty() ? tr("refused by WhatsApp") : reason).toHtmlEscaped())
                        .arg(it.key());
        }
        html += QStringLiteral("</p>");
    }
    if (!tally.skippedByReason.isEmpty()) {
        QStringList reasons;
        for (auto it = tally.skippedByReason.cbegin(); it != tally.skippedByReason.cend(); ++it)
            reasons << QStringLiteral("%1 %2").arg(it.value()).arg(CampaignPlan::reasonText(it.key()));
        html += QStringLiteral("<p>%1</p>").arg(tr("Left out: %1.").arg(reasons.join(QStringLiteral(" · "))).toHtmlEscaped());
    }
    html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                .arg(tr("Cost so far: %1 %2").arg(QLocale().toString(cost.total, 'f', 2), cost.currency).toHtmlEscaped(),
                     tr("%n message(s) Meta charged for, at its rates of %1.", nullptr, int(tally.charged.size()))
                         .arg(QLocale().toString(cost.effective, QLocale::LongFormat)).toHtmlEscaped());
    if (!campaign.runner.isEmpty() && campaign.runnerUntil > QDateTime::currentDateTimeUtc())
        html += QStringLiteral("<p>%1</p>").arg(tr("Being sent by %1.").arg(campaign.runner).toHtmlEscaped());
    m_results->setText(html);
}

void CampaignsDialog::setState(CampaignState state)
{
    if (const StoreError error = m_store.setState(selectedId(), state); error.isError())
        QMessageBox::warning(this, tr("Not changed"), error.userMessage);
    Q_EMIT changed();
    reload();
}

} // namespace Mostrador
