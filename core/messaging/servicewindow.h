#pragma once

#include <QDateTime>

namespace Mostrador {

// WhatsApp's customer service window: for 24 hours after the customer last wrote, the shop may
// send anything; after that only an approved template. Answering a Click-to-WhatsApp ad within
// 24 hours of the customer's arrival opens a free entry point of 72 hours. This is the one place
// that knows those rules; the tracker, the inbox and the automatic replies ask it.
struct ServiceWindow {
    enum class State { Closed, Open, ClosingSoon };

    static constexpr qint64 kLengthMs = 24LL * 3600 * 1000;
    static constexpr qint64 kFreeEntryMs = 72LL * 3600 * 1000;
    static constexpr qint64 kReplyToAdWithinMs = 24LL * 3600 * 1000;

    // What the window depends on, as milliseconds since the epoch (0: never).
    struct Times {
        qint64 lastInbound = 0;  // the customer's last message that counts as writing
        qint64 closedByApi = 0;  // a 131047 refusal after that message
        qint64 freeEntryEnd = 0; // the end of a free entry point
    };

    State state = State::Closed;
    QDateTime openUntil;          // when free-form messages stop being allowed (if open)
    QDateTime freeEntryUntil;     // end of a free entry point (72 h after answering an ad), if any

    // The window at `now`; "closing soon" in the last `closingSoonMs` of it.
    [[nodiscard]] static ServiceWindow at(const Times &times, qint64 now, qint64 closingSoonMs);
    // Whether a customer who last wrote at `lastInbound` can still be sent free-form messages.
    [[nodiscard]] static bool isOpen(const QDateTime &lastInbound, const QDateTime &now);
    // The moments after `now` at which the window changes (closing soon, closed, free entry ends).
    [[nodiscard]] static QList<qint64> changesAfter(const Times &times, qint64 now, qint64 closingSoonMs);

    [[nodiscard]] bool allowsFreeForm() const { return state != State::Closed; }
    [[nodiscard]] bool isFreeEntryPoint(const QDateTime &now) const { return freeEntryUntil.isValid() && now < freeEntryUntil; }
    bool operator==(const ServiceWindow &other) const = default;
};

} // namespace Mostrador
