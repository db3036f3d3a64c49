#include "audiencelist.h"

#include "common/csvreader.h"
#include "identity/phonenumbers.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace Mostrador {

std::optional<AudienceList> AudienceList::read(const QString &path, const QString &defaultRegion, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1 could not be opened: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return read(file, defaultRegion, error);
}

std::optional<AudienceList> AudienceList::read(QIODevice &device, const QString &defaultRegion, QString *error)
{
    CsvReader csv(device);
    QStringList headers;
    if (!csv.next(&headers)) {
        *error = tr("The list is empty.");
        return std::nullopt;
    }
    static const QRegularExpression phoneHeader(QStringLiteral("phone|tel[eé]fono|m[oó]vil|celular|mobile|whatsapp|n[uú]mero|number"),
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression nameHeader(QStringLiteral("^(name|nombre|first name|nombre completo|full name|cliente|customer)$"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression optInHeader(QStringLiteral("opt.?in|acepta|consent|promociones|marketing"),
                                                QRegularExpression::CaseInsensitiveOption);
    int phoneColumn = -1;
    int nameColumn = -1;
    int optInColumn = -1;
    for (int column = 0; column < headers.size(); ++column) {
        headers[column] = headers.at(column).trimmed().toLower();
        if (phoneColumn < 0 && phoneHeader.match(headers.at(column)).hasMatch())
            phoneColumn = column;
        else if (nameColumn < 0 && nameHeader.match(headers.at(column)).hasMatch())
            nameColumn = column;
        else if (optInColumn < 0 && optInHeader.match(headers.at(column)).hasMatch())
            optInColumn = column;
    }
    if (phoneColumn < 0) {
        *error = tr("The list has no phone column: name one of its columns \"Teléfono\", \"Celular\", \"WhatsApp\" or \"Phone\".");
        return std::nullopt;
    }

    AudienceList list;
    QSet<QString> seen;
    QStringList fields;
    while (csv.next(&fields)) {
        if (std::all_of(fields.cbegin(), fields.cend(), [](const QString &field) { return field.trimmed().isEmpty(); }))
            continue;
        const QString typed = fields.value(phoneColumn).trimmed();
        QString problem;
        const auto number = typed.isEmpty() ? std::nullopt : PhoneNumbers::read(typed, defaultRegion, &problem);
        if (!number) {
            list.unreadable << Problem{csv.line(), typed.isEmpty() ? tr("no phone number") : problem};
            continue;
        }
        if (seen.contains(number->waId))
            continue; // the same customer twice in the list gets it once
        seen.insert(number->waId);
        static const QStringList yes{QStringLiteral("sí"), QStringLiteral("si"), QStringLiteral("s"), QStringLiteral("x"),
                                     QStringLiteral("1"), QStringLiteral("yes"), QStringLiteral("y"), QStringLiteral("true"),
                                     QStringLiteral("verdadero")};
        Row row{csv.line(), number->waId, number->region, fields.value(nameColumn).trimmed(), {},
                optInColumn >= 0 && yes.contains(fields.value(optInColumn).trimmed().toLower())};
        for (int column = 0; column < headers.size(); ++column)
            row.values.insert(headers.at(column), fields.value(column).trimmed());
        list.rows << row;
    }
    return list;
}

} // namespace Mostrador
