#pragma once

#include "campaigns/campaignplan.h"
#include "campaigns/campaignstore.h"

namespace Mostrador {

class RateCard;

// What the campaign command prints: the plan before sending, the results after.
namespace CampaignReport {

void printPlan(const Campaign &campaign, const CampaignPlan &plan);
void printTally(const Campaign &campaign, const CampaignTally &tally, const RateCard &rates, int leftUnconfirmed = 0);

} // namespace CampaignReport

} // namespace Mostrador
