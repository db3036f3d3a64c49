#pragma once

#include <QDate>
#include <QString>

namespace Mostrador {

// What Meta bills a delivered message as, by the rules of the day it was delivered. Meta's status
// webhooks say it for each message (`pricing`), and what they say always wins; these rules are
// for what has not been said yet: the composer's price before a send, the sandbox playing Meta.
//
// - From 2025-07-01 (Meta, "Pricing on the WhatsApp Business Platform"): every delivered template
//   is billed by its category; free-form replies inside the 24-hour window are free, and so are
//   utility templates inside it.
// - From 2026-10-01 (announced by Meta to its partners; YCloud "24-hour window pricing",
//   ChakraHQ "service messages October 2026", Patagon, hello-charles): free-form replies inside the
//   window are billed as `service` at the market's utility rate, and utility templates inside the
//   window are billed too. Meta's developer pages did not yet say so when this was written: the
//   webhooks' `pricing` stays the record.
// - From 2026-08-01, replies written by Meta Business Agent (Meta's own AI) are billed by Meta per
//   token, monthly; no per-message price exists.
// - Always: every message inside a 72-hour free entry point (after a Click-to-WhatsApp ad or a
//   Page button) is free.
struct MetaCharge {
    QString category;      // marketing, utility, authentication, service
    QString type;          // regular, free_customer_service, free_entry_point
    bool billable = false;
};

namespace MetaPricing {

[[nodiscard]] QDate serviceBilledFrom();   // 2026-10-01
[[nodiscard]] QDate metaAgentBilledFrom(); // 2026-08-01

// A message of `category` ("service" for a free-form reply) delivered on `day`, inside the
// customer's 24-hour window or not, inside a free entry point or not.
[[nodiscard]] MetaCharge charge(const QString &category, bool withinWindow, bool freeEntryPoint, QDate day);

} // namespace MetaPricing

} // namespace Mostrador
