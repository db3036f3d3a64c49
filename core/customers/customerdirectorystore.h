#pragma once

#include "db/storeerror.h"

#include <QList>
#include <QString>

namespace Mostrador {

class Database;

// A customer as the "new conversation" picker lists them.
struct KnownCustomer {
    qint64 id = 0;
    QString name;     // the shop's name for them, else their profile name
    QString waId;
    QString userId;
    QString username;
};

// Finding customers by what the shop remembers of them: part of a name, of a number, of a
// user name. Accents and case do not matter in names.
class CustomerDirectoryStore final
{
public:
    explicit CustomerDirectoryStore(Database &database);

    [[nodiscard]] QList<KnownCustomer> find(const QString &text, int limit, StoreError *error) const;

private:
    Database &m_database;
};

} // namespace Mostrador
