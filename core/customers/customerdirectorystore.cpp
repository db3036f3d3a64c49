#include "customerdirectorystore.h"

#include "common/foldedtext.h"
#include "db/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

CustomerDirectoryStore::CustomerDirectoryStore(Database &database)
    : m_database(database)
{
}

QList<KnownCustomer> CustomerDirectoryStore::find(const QString &text, int limit, StoreError *error) const
{
    const QString words = foldedText(text.trimmed());
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    QList<KnownCustomer> found;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, CASE WHEN display_name <> '' THEN display_name ELSE profile_name END, wa_id, user_id, "
                                   "username FROM customers ORDER BY id DESC"))) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("find customers"));
        return found;
    }
    // A shop has hundreds or a few thousand customers: folding in C++ keeps accents out of it
    // on both databases.
    while (query.next() && found.size() < limit) {
        const KnownCustomer customer{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                                     query.value(3).toString(), query.value(4).toString()};
        const bool byName = !words.isEmpty() && foldedText(customer.name).contains(words);
        const bool byUsername = !words.isEmpty() && foldedText(customer.username).contains(words.startsWith(QLatin1Char('@')) ? words.mid(1) : words);
        const bool byNumber = digits.size() >= 3 && customer.waId.contains(digits);
        if (words.isEmpty() || byName || byUsername || byNumber)
            found << customer;
    }
    return found;
}

} // namespace Mostrador
