#pragma once

#include "campaignrunner.h"

#include <QObject>
#include <QTimer>

namespace Mostrador {

class CloudApiClient;

// Sends the shop's campaigns wherever the shop runs: mostrador-server when it has one, the
// desktop otherwise. Both look now and then for a campaign that is due and that nobody holds;
// the one that takes it (the server looks far more often) sends it, the other leaves it be.
class CampaignScheduler final : public QObject
{
    Q_OBJECT

public:
    CampaignScheduler(Database &database, Outbox &outbox, CloudApiClient &client, const Clock &clock, const QString &runnerName,
                      int pollSeconds, QObject *parent = nullptr);

    void start();
    // A campaign was just created or resumed: look now rather than at the next turn.
    void pollSoon();
    [[nodiscard]] CampaignRunner &runner() { return m_runner; }

Q_SIGNALS:
    void progressed(qint64 campaignId);
    void finished(qint64 campaignId);

private:
    void poll();
    void readNumberLimits();

    Database &m_database;
    CloudApiClient &m_client;
    const Clock &m_clock;
    CampaignRunner m_runner;
    QTimer m_timer;
    CampaignRunner::Settings m_settings;
    QString m_limitsAskedOf; // the address and token the number's limits were last asked with
};

} // namespace Mostrador
