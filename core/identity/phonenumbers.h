#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Mostrador {

// Phone numbers as people type them ("300 111 2233", "+52 55 1234 5678", "0054 9 11 2345-6789"),
// read with Google's libphonenumber and turned into the id WhatsApp gives that number.
class PhoneNumbers
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNumbers)

public:
    struct Reading {
        QString waId;    // digits, country code first, in WhatsApp's form (WaId::whatsAppForm)
        QString region;  // ISO 3166 code of the number's country, e.g. MX
    };

    // `defaultRegion` (ISO 3166, e.g. CO) is the country of numbers typed without one. Nothing,
    // and a sentence for the shop in `problem`, when the text cannot be a phone number there.
    [[nodiscard]] static std::optional<Reading> read(const QString &typed, const QString &defaultRegion, QString *problem);

    // "+52 1 55 1234 5678" for people, from a wa_id; the digits with a + when unknown.
    [[nodiscard]] static QString displayed(const QString &waId);

    // The country (ISO 3166) a wa_id's calling code belongs to: "CO" for 573001112233; "" when
    // unknown. Shared codes give their main country (+1: US).
    [[nodiscard]] static QString regionOf(const QString &waId);

    // The main language of that country ("pt" for 5511…; "" when unknown): a guess at the
    // customer's, for offering templates in it first.
    [[nodiscard]] static QString languageOf(const QString &waId);

    // The country of the shop when it has not said: the system's.
    [[nodiscard]] static QString defaultRegion();
};

} // namespace Mostrador
