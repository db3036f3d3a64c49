#include "contactbook.h"

#include "contactfile.h"
#include "identity/phonenumbers.h"
#include "customers/customerdirectorystore.h"
#include "import/importstore.h"

#include <QFileInfo>
#include <QIODevice>

#include <limits>

namespace Mostrador {

namespace {

QString vcardEscaped(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char(','), QLatin1String("\\,"));
    text.replace(QLatin1Char(';'), QLatin1String("\\;"));
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return text;
}

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

bool ContactBook::import(Database &database, const QStringList &files, const QString &defaultRegion, Summary *summary,
                         QString *error)
{
    *summary = {};
    QList<std::pair<QString, QList<Contact>>> books;
    for (const QString &path : files) {
        QString problem;
        const auto contacts = ContactFile::read(path, &problem);
        if (!contacts) {
            *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), problem);
            return false;
        }
        books.append({QFileInfo(path).fileName(), *contacts});
    }
    ImportStore store(database);
    if (StoreError failed = store.begin(ImportSource::ofFiles(files)); failed.isError()) {
        *error = failed.userMessage;
        return false;
    }
    for (const auto &[file, contacts] : std::as_const(books)) {
        for (const Contact &contact : contacts) {
            ++summary->read;
            std::optional<PhoneNumbers::Reading> reading;
            for (const QString &phone : contact.phones) {
                QString problem;
                if ((reading = PhoneNumbers::read(phone, defaultRegion, &problem)))
                    break;
            }
            if (!reading) {
                summary->skipped << tr("%1, line %2: %3: no number WhatsApp can use")
                                        .arg(file)
                                        .arg(contact.line)
                                        .arg(contact.name.isEmpty() ? tr("(no name)") : contact.name);
                continue;
            }
            StoreError failed;
            bool created = false;
            if (!store.customerWithNumber(reading->waId, contact.name, &failed, &created)) {
                store.rollback();
                *error = failed.userMessage;
                *summary = {};
                return false;
            }
            ++(created ? summary->added : summary->merged);
        }
    }
    if (StoreError committed = store.commit(); committed.isError()) {
        *error = committed.userMessage;
        *summary = {};
        return false;
    }
    return true;
}

bool ContactBook::write(Database &database, Format format, QIODevice &out, int *written, QString *error)
{
    StoreError failed;
    const QList<KnownCustomer> customers = CustomerDirectoryStore(database).find(QString(), std::numeric_limits<int>::max(), &failed);
    if (failed.isError()) {
        *error = failed.userMessage;
        return false;
    }
    QByteArray text;
    if (format == Format::Csv)
        text += "Name,Phone,WhatsApp username\r\n";
    int count = 0;
    for (const KnownCustomer &customer : customers) {
        const QString phone = customer.waId.isEmpty() ? QString() : QLatin1Char('+') + customer.waId;
        const QString username = customer.username.isEmpty() ? QString() : QLatin1Char('@') + customer.username;
        if (phone.isEmpty() && username.isEmpty())
            continue; // nothing to reach them by
        if (format == Format::Csv) {
            text += QStringList{csvField(customer.name), phone, csvField(username)}.join(QLatin1Char(',')).toUtf8() + "\r\n";
        } else {
            text += "BEGIN:VCARD\r\nVERSION:3.0\r\n";
            text += "FN:" + vcardEscaped(customer.name).toUtf8() + "\r\n";
            text += "N:;" + vcardEscaped(customer.name).toUtf8() + ";;;\r\n";
            if (!phone.isEmpty())
                text += "TEL;TYPE=CELL:" + phone.toUtf8() + "\r\n";
            if (!username.isEmpty())
                text += "NOTE:WhatsApp " + vcardEscaped(username).toUtf8() + "\r\n";
            text += "END:VCARD\r\n";
        }
        ++count;
    }
    if (out.write(text) != text.size()) {
        *error = out.errorString();
        return false;
    }
    *written = count;
    return true;
}

} // namespace Mostrador
