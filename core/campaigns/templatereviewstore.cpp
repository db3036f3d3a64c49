#include "templatereviewstore.h"

#include "db/database.h"
#include "conversations/conversationtypes.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

namespace {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

TemplateReviewStore::TemplateReviewStore(Database &database)
    : m_database(database)
{
}

StoreError TemplateReviewStore::record(const TemplateChange &change, const QDateTime &now)
{
    // Each webhook says one thing; what it does not say is kept from before.
    const QString categoryChanged = change.previousCategory.isEmpty() ? QString() : change.previousCategory;
    return m_database.exec(
        QStringLiteral("INSERT INTO template_reviews (template_id, name, language, status, reason, quality, category, previous_category, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (template_id) DO UPDATE SET "
                       "name = excluded.name, language = excluded.language, "
                       "status = COALESCE(excluded.status, template_reviews.status), "
                       "reason = CASE WHEN excluded.status IS NULL THEN template_reviews.reason ELSE excluded.reason END, "
                       "quality = COALESCE(excluded.quality, template_reviews.quality), "
                       "category = COALESCE(excluded.category, template_reviews.category), "
                       "previous_category = COALESCE(excluded.previous_category, template_reviews.previous_category), "
                       "updated_at = excluded.updated_at"),
        {change.templateId, change.name, change.language, textOrNull(change.status), textOrNull(change.reason),
         textOrNull(change.quality), textOrNull(change.newCategory), textOrNull(categoryChanged),
         (change.at.isValid() ? change.at : now).toMSecsSinceEpoch()},
        "template review");
}

QHash<QString, TemplateReview> TemplateReviewStore::reviews(StoreError *error)
{
    QHash<QString, TemplateReview> found;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT template_id, name, language, status, reason, quality, category, previous_category, updated_at "
                                   "FROM template_reviews"))) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("template reviews"));
        return found;
    }
    while (query.next()) {
        TemplateReview review{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                              query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                              query.value(6).toString(), query.value(7).toString(), storedTime(query.value(8))};
        found.insert(key(review.name, review.language), review);
    }
    return found;
}

} // namespace Mostrador
