#pragma once

#include "db/storeerror.h"
#include "messaging/commerce.h"

#include <QDateTime>
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

struct LabelSeed {
    QString name;
    QString color;
    std::optional<OrderStage> stage = std::nullopt; // a label that shows an order's stage
};

// Colour labels on conversations, editable. Some are an order's stage ("Pending payment"):
// putting one on a conversation with an order moves the order to that stage, and an order's
// stage changing moves the label (see OrderStore) — one system, not two.
class LabelStore final
{
public:
    explicit LabelStore(Database &database);

    // The first time, puts these labels in (names in the shop's language, chosen by the caller).
    StoreError seedIfEmpty(const QList<LabelSeed> &seeds);

    [[nodiscard]] QList<Label> labels(StoreError *error);   // with how many open conversations carry each
    [[nodiscard]] QSet<qint64> labelsOf(qint64 conversationId, StoreError *error);
    StoreError setLabel(qint64 conversationId, qint64 labelId, bool on, const QDateTime &at = QDateTime::currentDateTimeUtc());
    StoreError rename(qint64 labelId, const QString &name, const QString &color);

private:
    Database &m_database;
};

} // namespace Mostrador
