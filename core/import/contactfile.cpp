#include "contactfile.h"

#include "common/csvreader.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

namespace Mostrador {

namespace {

// "=C3=A1lvaro" → "Álvaro" (vCard 2.1's quoted-printable, in the charset it names).
QString fromQuotedPrintable(const QString &value, const QString &charset)
{
    QByteArray bytes;
    const QByteArray ascii = value.toLatin1();
    for (qsizetype i = 0; i < ascii.size(); ++i) {
        if (ascii.at(i) == '=' && i + 2 < ascii.size()) {
            bool ok = false;
            const int byte = ascii.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                bytes += char(byte);
                i += 2;
                continue;
            }
        }
        bytes += ascii.at(i);
    }
    QStringDecoder decoder(charset.isEmpty() ? "UTF-8" : charset.toLatin1().constData());
    return decoder.isValid() ? QString(decoder(bytes)) : QString::fromUtf8(bytes);
}

// vCard 3.0 and 4.0 escape commas, semicolons, backslashes and line breaks.
QString unescaped(const QString &value)
{
    QString result;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == QLatin1Char('\\') && i + 1 < value.size()) {
            const QChar next = value.at(++i);
            result += (next == QLatin1Char('n') || next == QLatin1Char('N')) ? QLatin1Char('\n') : next;
        } else {
            result += value.at(i);
        }
    }
    return result;
}

// The lines of a vCard file with folded lines joined: a line starting with a space or tab
// continues the one before (3.0, 4.0); in quoted-printable values a trailing "=" does (2.1).
QStringList unfolded(const QString &text)
{
    QStringList lines;
    bool softBreak = false;
    for (QString line : text.split(QLatin1Char('\n'))) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (softBreak && !lines.isEmpty()) {
            lines.last().chop(1); // the "="
            lines.last() += line;
        } else if ((line.startsWith(QLatin1Char(' ')) || line.startsWith(QLatin1Char('\t'))) && !lines.isEmpty()) {
            lines.last() += line.mid(1);
        } else {
            lines << line;
        }
        softBreak = lines.last().contains(QLatin1String("QUOTED-PRINTABLE"), Qt::CaseInsensitive)
            && lines.last().endsWith(QLatin1Char('='));
    }
    return lines;
}

QString columnOf(const QStringList &headers, const QStringList &names)
{
    for (const QString &name : names) {
        for (const QString &header : headers) {
            if (header.trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return header;
        }
    }
    return {};
}

bool isMobileLabel(const QString &label)
{
    static const QRegularExpression mobile(QStringLiteral("mobile|móvil|movil|cell|celular|whatsapp"),
                                           QRegularExpression::CaseInsensitiveOption);
    return mobile.match(label).hasMatch();
}

} // namespace

QList<Contact> ContactFile::fromVCards(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    text.remove(QChar(0xFEFF));
    QList<Contact> contacts;
    Contact current;
    QString structuredName;
    QStringList mobiles;
    QStringList others;
    int number = 0;
    for (const QString &line : unfolded(text)) {
        ++number;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        QStringList head = line.left(colon).split(QLatin1Char(';'));
        QString property = head.takeFirst().toUpper();
        property = property.section(QLatin1Char('.'), -1); // "item1.TEL"
        const QString params = head.join(QLatin1Char(';')).toUpper();
        QString value = line.mid(colon + 1);
        if (params.contains(QLatin1String("QUOTED-PRINTABLE"))) {
            static const QRegularExpression charset(QStringLiteral("CHARSET=([^;:]+)"), QRegularExpression::CaseInsensitiveOption);
            value = fromQuotedPrintable(value, charset.match(head.join(QLatin1Char(';'))).captured(1));
        }
        if (property == QLatin1String("BEGIN") && value.trimmed().compare(QLatin1String("VCARD"), Qt::CaseInsensitive) == 0) {
            current = Contact{};
            current.line = number;
            structuredName.clear();
            mobiles.clear();
            others.clear();
        } else if (property == QLatin1String("FN")) {
            current.name = unescaped(value).trimmed();
        } else if (property == QLatin1String("N")) {
            // Family;Given;Additional;Prefix;Suffix
            const QStringList parts = value.split(QLatin1Char(';'));
            QStringList ordered{parts.value(3), parts.value(1), parts.value(2), parts.value(0), parts.value(4)};
            ordered.removeAll(QString());
            structuredName = unescaped(ordered.join(QLatin1Char(' '))).simplified();
        } else if (property == QLatin1String("TEL")) {
            QString phone = unescaped(value).trimmed();
            if (phone.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
                phone = phone.mid(4);
            if (!phone.isEmpty())
                (isMobileLabel(params) ? mobiles : others) << phone;
        } else if (property == QLatin1String("END") && value.trimmed().compare(QLatin1String("VCARD"), Qt::CaseInsensitive) == 0) {
            if (current.name.isEmpty())
                current.name = structuredName;
            current.phones = mobiles + others;
            contacts << current;
        }
    }
    return contacts;
}

std::optional<QList<Contact>> ContactFile::fromCsv(QIODevice &device, QString *error)
{
    CsvReader csv(device);
    QStringList headers;
    if (!csv.next(&headers) || headers.size() < 2) {
        *error = tr("This is neither a vCard (.vcf) nor a contacts CSV with a name and a phone column.");
        return std::nullopt;
    }
    const QString full = columnOf(headers, {QStringLiteral("Name"), QStringLiteral("Nombre completo"), QStringLiteral("Full Name"),
                                            QStringLiteral("Display Name"), QStringLiteral("Nombre"), QStringLiteral("Nome")});
    const QString given = columnOf(headers, {QStringLiteral("First Name"), QStringLiteral("Given Name"), QStringLiteral("Nombre de pila")});
    const QString middle = columnOf(headers, {QStringLiteral("Middle Name"), QStringLiteral("Additional Name")});
    const QString family = columnOf(headers, {QStringLiteral("Last Name"), QStringLiteral("Family Name"), QStringLiteral("Apellidos"),
                                              QStringLiteral("Apellido")});
    // Phone columns: "Phone 1 - Value" (Google, with "Phone 1 - Label" beside it), "Mobile Phone"
    // (Outlook), "Teléfono", "Celular"…
    static const QRegularExpression phoneHeader(QStringLiteral("phone|tel[eé]fono|m[oó]vil|celular|mobile|whatsapp"),
                                                QRegularExpression::CaseInsensitiveOption);
    QList<int> phoneColumns;
    for (int i = 0; i < headers.size(); ++i) {
        const QString header = headers.at(i);
        if (phoneHeader.match(header).hasMatch() && !header.contains(QLatin1String("Label"), Qt::CaseInsensitive)
            && !header.contains(QLatin1String("Type"), Qt::CaseInsensitive))
            phoneColumns << i;
    }
    if ((full.isEmpty() && given.isEmpty()) || phoneColumns.isEmpty()) {
        *error = tr("This CSV has no name and phone columns (for example \"Name\" and \"Phone 1 - Value\", or \"Nombre\" and "
                    "\"Teléfono\").");
        return std::nullopt;
    }
    const auto at = [&](const QStringList &row, const QString &header) {
        return header.isEmpty() ? QString() : row.value(int(headers.indexOf(header))).trimmed();
    };
    QList<Contact> contacts;
    QStringList row;
    while (csv.next(&row)) {
        Contact contact;
        contact.line = csv.line();
        contact.name = at(row, full);
        if (contact.name.isEmpty())
            contact.name = QStringList{at(row, given), at(row, middle), at(row, family)}.join(QLatin1Char(' ')).simplified();
        QStringList mobiles;
        QStringList others;
        for (int column : std::as_const(phoneColumns)) {
            // Google puts the label in the column before ("Phone 1 - Label") and several numbers
            // in one cell joined by " ::: ".
            const QString label = headers.at(column).contains(QLatin1String("Value"), Qt::CaseInsensitive)
                ? row.value(column - 1) + headers.at(column) : headers.at(column);
            for (const QString &phone : row.value(column).split(QStringLiteral(":::"), Qt::SkipEmptyParts)) {
                if (!phone.trimmed().isEmpty())
                    (isMobileLabel(label) ? mobiles : others) << phone.trimmed();
            }
        }
        contact.phones = mobiles + others;
        if (!contact.name.isEmpty() || !contact.phones.isEmpty())
            contacts << contact;
    }
    return contacts;
}

std::optional<QList<Contact>> ContactFile::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return std::nullopt;
    }
    const QByteArray start = file.peek(4096);
    if (start.contains("BEGIN:VCARD") || start.contains("begin:vcard"))
        return fromVCards(file.readAll());
    return fromCsv(file, error);
}

} // namespace Mostrador
