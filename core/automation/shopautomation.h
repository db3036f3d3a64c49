#pragma once

#include "autoresponder.h"
#include "openinghours.h"
#include "db/storeerror.h"

#include <QString>

namespace Mostrador {

class Database;

// Everything the shop decides about answering automatically, kept in the store (so it is the
// same for the desktop and for a mostrador-server filling the same store): opening hours, the
// away and greeting messages, the shop's name, and which program sends them. Only one program
// may answer for the shop, or a customer would get every automatic reply twice.
struct ShopAutomation {
    enum class Runner {
        ThisComputer, // the desktop app answers while it is open
        Server,       // mostrador-server serve answers (always on)
    };

    AutoResponder::Settings replies;
    OpeningHours hours{QTimeZone::systemTimeZone()};
    Runner runner = Runner::ThisComputer;
    bool configured = false; // the shop has saved these at least once (the hours are its own)

    // What the store holds; a store that never saved any gives the defaults (all off, the PC's
    // time zone, Mon–Fri 9–13 and 16–20 and Saturday morning as a starting point).
    [[nodiscard]] static ShopAutomation load(Database &database, StoreError *error);
    [[nodiscard]] StoreError save(Database &database) const;

    [[nodiscard]] bool armedFor(Runner runner) const { return this->runner == runner && replies.isArmed(); }
};

} // namespace Mostrador
