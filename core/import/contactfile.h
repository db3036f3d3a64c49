#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace Mostrador {

// A person from the phone's or Google's address book.
struct Contact {
    QString name;
    QStringList phones; // as written, mobile ones first
    int line = 0;       // where it starts in the file
};

// Address books as people export them: vCard (.vcf, versions 2.1, 3.0 and 4.0, folded lines,
// quoted-printable names) and CSV from Google Contacts, Outlook or a spreadsheet (a name column
// and one or more phone columns, found by their headers in Spanish or English).
class ContactFile
{
    Q_DECLARE_TR_FUNCTIONS(ContactFile)

public:
    // Nothing, with a sentence in `error`, when the file is neither.
    [[nodiscard]] static std::optional<QList<Contact>> read(const QString &path, QString *error);

    [[nodiscard]] static QList<Contact> fromVCards(const QByteArray &text);
    [[nodiscard]] static std::optional<QList<Contact>> fromCsv(QIODevice &device, QString *error);
};

} // namespace Mostrador
