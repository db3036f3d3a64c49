#pragma once

#include <QCoreApplication>
#include <QStringList>

class QIODevice;

namespace Mostrador {

class Database;

// The shop's address book in and out: contacts from the phone or Google become customers who
// have not written yet (searchable, ready for a new conversation), merged by normalised number
// with the customers WhatsApp already knows; and the customers go out as vCard or CSV.
class ContactBook
{
    Q_DECLARE_TR_FUNCTIONS(ContactBook)

public:
    struct Summary {
        int read = 0;
        int added = 0;        // new customers
        int merged = 0;       // already known by their number: their name filled in when they had none
        QStringList skipped;  // "contacts.vcf, line 12: Pedro: no number WhatsApp can use"
    };

    // All the files in one transaction; false (nothing kept) with a sentence when a file is not
    // an address book or the store refuses.
    static bool import(Database &database, const QStringList &files, const QString &defaultRegion, Summary *summary, QString *error);

    enum class Format { VCard, Csv };
    // Every customer with their name and number (+57…) or WhatsApp username.
    static bool write(Database &database, Format format, QIODevice &out, int *written, QString *error);
};

} // namespace Mostrador
