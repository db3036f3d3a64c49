#pragma once

#include "storeerror.h"

#include <QList>
#include <QSet>
#include <QString>

namespace Mostrador {

class Database;

struct Label {
    qint64 id = 0;
    QString name;
    QString color;  // #rrggbb
    int conversations = 0;
};

// Colour labels on conversations: a small shop's order stages, editable.
class LabelStore final
{
public:
    explicit LabelStore(Database &database);

    // The first time, puts these labels in (names in the shop's language, chosen by the caller).
    StoreError seedIfEmpty(const QList<std::pair<QString, QString>> &nameAndColor);

    [[nodiscard]] QList<Label> labels(StoreError *error);   // with how many open conversations carry each
    [[nodiscard]] QSet<qint64> labelsOf(qint64 conversationId, StoreError *error);
    StoreError setLabel(qint64 conversationId, qint64 labelId, bool on);
    StoreError rename(qint64 labelId, const QString &name, const QString &color);

private:
    Database &m_database;
};

} // namespace Mostrador
