#pragma once

#include "campaigns/campaignstore.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Mostrador {

class Clock;
class Database;

// Shop ▸ Campaigns: every campaign with where it is, and for the chosen one what became of it:
// sent, delivered, read, replied, failed with Meta's reasons in plain words, who was left out,
// what it cost from Meta's own pricing, and who is sending it (this computer or the server);
// paused, resumed or cancelled from here.
class CampaignsDialog final : public QDialog
{
    Q_OBJECT

public:
    CampaignsDialog(Database &database, QWidget *parent = nullptr);

    void reload();
    void select(qint64 campaignId);

Q_SIGNALS:
    void newCampaignRequested();
    void changed(); // paused, resumed or cancelled here

private:
    void showSelected();
    [[nodiscard]] qint64 selectedId() const;
    void setState(CampaignState state);

    Database &m_database;
    CampaignStore m_store;
    QList<Campaign> m_campaigns;
    QTreeWidget *m_list = nullptr;
    QLabel *m_results = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer m_refresh;
};

} // namespace Mostrador
