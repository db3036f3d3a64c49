#pragma once

#include "db/storeerror.h"
#include "messaging/inboundbatch.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Mostrador {

class Database;

// What Meta's template webhooks last said of each template: its review, its quality, a
// change of category. Kept so the template manager shows them even when Meta's list is slow to
// catch up, and says plainly when a template became marketing (and costs more).
struct TemplateReview {
    QString templateId;
    QString name;
    QString language;
    QString status;
    QString reason;
    QString quality;
    QString category;
    QString previousCategory; // set when Meta changed the category
    QDateTime updatedAt;
};

class TemplateReviewStore final
{
public:
    explicit TemplateReviewStore(Database &database);

    // Within the caller's transaction (the webhook ingestor's).
    StoreError record(const TemplateChange &change, const QDateTime &now);

    // By "name/language".
    [[nodiscard]] QHash<QString, TemplateReview> reviews(StoreError *error);
    [[nodiscard]] static QString key(const QString &name, const QString &language) { return name + QLatin1Char('/') + language; }

private:
    Database &m_database;
};

} // namespace Mostrador
