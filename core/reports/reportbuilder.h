#pragma once

#include "ratecard.h"
#include "shopreport.h"

#include "automation/openinghours.h"
#include "common/clock.h"
#include "db/storeerror.h"

#include <optional>

namespace Mostrador {

class Database;

// Computes a period's ShopReport from the store: reads the period's messages once, oldest
// first, with what the tally needs beside them (who was already waiting, the conversations, the
// resolutions, the team), and the shop's opening hours and rate card.
class ReportBuilder
{
public:
    ReportBuilder(Database &database, OpeningHours hours, RateCard rates, const Clock &clock = systemClock());

    [[nodiscard]] std::optional<ShopReport> build(const ReportPeriod &period, StoreError *error);
    // Conversations whose customer waits for a person of the shop right now.
    [[nodiscard]] int waitingNow(StoreError *error);

private:
    Database &m_database;
    OpeningHours m_hours;
    RateCard m_rates;
    const Clock &m_clock;
};

} // namespace Mostrador
