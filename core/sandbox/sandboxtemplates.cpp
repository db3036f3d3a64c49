#include "sandboxtemplates.h"

#include "api/templatedraft.h"
#include "sandboxcatalog.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Mostrador {

namespace {

const QRegularExpression &promotes()
{
    static const QRegularExpression words(QStringLiteral("descuento|oferta|promo|rebaja|\\d+\\s*%|gratis|discount|sale\\b|offer|free"),
                                          QRegularExpression::CaseInsensitiveOption);
    return words;
}

const QRegularExpression &scams()
{
    static const QRegularExpression words(QStringLiteral("gana dinero|dinero f[aá]cil|earn money|100 ?% garantizado|criptomoneda"),
                                          QRegularExpression::CaseInsensitiveOption);
    return words;
}

void setStatus(MessageTemplate &templ, const QString &status, const QString &reason)
{
    templ.status = status;
    templ.rejectedReason = reason;
}

} // namespace

SandboxTemplates::SandboxTemplates()
    : m_templates(SandboxCatalog::templates())
{
}

const MessageTemplate *SandboxTemplates::approved(const QString &name, const QString &language) const
{
    for (const MessageTemplate &templ : m_templates) {
        if (templ.name == name && templ.language == language && templ.isApproved())
            return &templ;
    }
    return nullptr;
}

std::variant<MessageTemplate, SandboxTemplates::Refusal> SandboxTemplates::create(const QJsonObject &body, const QDateTime &now)
{
    const MessageTemplate asked = MessageTemplate::fromJson(body);
    TemplateDraft draft = TemplateDraft::fromTemplate(asked);
    // What the review checks is what the shop's editor checks: Meta's rules. A media header's
    // handle is checked by its presence.
    if (draft.header != TemplateDraft::Header::None && draft.header != TemplateDraft::Header::Text)
        draft.headerMediaHandle = asked.components.first().toObject().value(QLatin1String("example")).toObject()
                                      .value(QLatin1String("header_handle")).toArray().first().toString();
    const QStringList problems = draft.category.compare(QLatin1String("AUTHENTICATION"), Qt::CaseInsensitive) == 0
        ? QStringList{} : draft.problems();
    if (!problems.isEmpty())
        return Refusal{2388040, QStringLiteral("Invalid parameter"), problems.first()};
    const auto deleted = m_deleted.constFind(asked.name);
    if (deleted != m_deleted.cend() && deleted->daysTo(now) < TemplateDraft::kDaysBeforeANameReturns)
        return Refusal{2388023, QStringLiteral("Message template can't be created"),
                       QStringLiteral("The name %1 is being deleted; it can be used again after 30 days.").arg(asked.name)};
    for (const MessageTemplate &existing : std::as_const(m_templates)) {
        if (existing.name == asked.name && existing.language == asked.language)
            return Refusal{2388024, QStringLiteral("Message template already exists"),
                           QStringLiteral("There is already %1 content for this template.").arg(asked.language)};
    }
    MessageTemplate created = asked;
    created.id = QString::number(m_nextId++);
    created.status = QStringLiteral("PENDING");
    created.category = asked.category.toUpper();
    m_templates << created;
    return created;
}

SandboxTemplates::Decision SandboxTemplates::review(const QString &templateId)
{
    for (MessageTemplate &templ : m_templates) {
        if (templ.id != templateId)
            continue;
        if (scams().match(templ.bodyText).hasMatch()) {
            setStatus(templ, QStringLiteral("REJECTED"), QStringLiteral("SCAM"));
            return {templ.status, templ.rejectedReason, {}};
        }
        setStatus(templ, QStringLiteral("APPROVED"), QStringLiteral("NONE"));
        templ.quality = QStringLiteral("UNKNOWN");
        if (templ.category == QLatin1String("UTILITY") && promotes().match(templ.bodyText).hasMatch()) {
            templ.category = QStringLiteral("MARKETING");
            return {templ.status, templ.rejectedReason, templ.category};
        }
        return {templ.status, templ.rejectedReason, {}};
    }
    return {};
}

std::optional<MessageTemplate> SandboxTemplates::recategorise(const QString &name, const QString &language, const QString &category)
{
    for (MessageTemplate &templ : m_templates) {
        if (templ.name == name && templ.language == language) {
            const MessageTemplate before = templ;
            templ.category = category;
            return before;
        }
    }
    return std::nullopt;
}

bool SandboxTemplates::remove(const QString &name, const QDateTime &now)
{
    const qsizetype before = m_templates.size();
    m_templates.removeIf([&](const MessageTemplate &templ) { return templ.name == name; });
    if (m_templates.size() == before)
        return false;
    m_deleted.insert(name, now);
    return true;
}

} // namespace Mostrador
