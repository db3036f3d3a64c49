#pragma once

#include "automation/openinghours.h"
#include "db/storeerror.h"

#include <QDateTime>

namespace Mostrador {

class Database;

// The demo shop's past: five weeks of customers writing (more in the afternoon, fewer on
// Sundays), the shop answering within its opening hours, away replies at night, a few chats
// left unanswered until their window closed, arrivals from an ad, weekly promotions sent as
// marketing templates and "your order is ready" as utility ones, with the pricing Meta's status
// webhooks carry — so Shop ▸ Reports has something to show. Written straight into the store
// (nothing is sent, no automatic reply reacts), the same every run.
class DemoHistory
{
public:
    // `now`: the demo's clock; the history ends the day before.
    static StoreError write(Database &database, const OpeningHours &hours, const QDateTime &now, int days = 35);
};

} // namespace Mostrador
