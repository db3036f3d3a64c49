#pragma once

#include "api/apitypes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace Mostrador {

// The sandbox number's templates as Meta's review keeps them: created ones wait in PENDING and
// are then approved, moved to marketing when a "utility" one promotes, or rejected; a deleted
// name cannot come back for 30 days.
class SandboxTemplates
{
public:
    SandboxTemplates();

    [[nodiscard]] const QList<MessageTemplate> &all() const { return m_templates; }
    [[nodiscard]] const MessageTemplate *approved(const QString &name, const QString &language) const;

    struct Refusal {
        int subcode = 0;
        QString title;
        QString userMessage;
    };
    // The new template in PENDING, or why Meta refuses it at once.
    [[nodiscard]] std::variant<MessageTemplate, Refusal> create(const QJsonObject &body, const QDateTime &now);

    // What Meta's review decides, as the webhooks it sends: one per change.
    struct Decision {
        QString status;   // APPROVED or REJECTED
        QString reason;   // NONE, or a rejection reason
        QString category; // when review moved it (UTILITY → MARKETING)
    };
    [[nodiscard]] Decision review(const QString &templateId);

    // Meta moves a template to another category (its automated review, after approval); the
    // template as it was, or nothing when there is no such template.
    std::optional<MessageTemplate> recategorise(const QString &name, const QString &language, const QString &category);

    // Deletes every language of `name`; false when there is none.
    bool remove(const QString &name, const QDateTime &now);

private:
    QList<MessageTemplate> m_templates;
    QHash<QString, QDateTime> m_deleted;
    int m_nextId = 9100;
};

} // namespace Mostrador
