#pragma once

#include "api/apitypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mostrador {

// A button under a template: a quick reply, a link (whose end may be a variable) or a number to call.
struct TemplateButton {
    enum class Kind { QuickReply, Url, Phone };
    Kind kind = Kind::QuickReply;
    QString text;
    QString target;  // the URL or the phone number
    QString example; // a full URL when the link ends in {{1}}

    // "quick:TEXT", "url:TEXT=URL", "phone:TEXT=NUMBER" (the command line's form); nothing with
    // the reason in `problem` otherwise.
    [[nodiscard]] static std::optional<TemplateButton> parse(const QString &spec, QString *problem);
};

// A template the shop writes, as Meta's template review wants it: checked against Meta's
// rules before it is submitted (so a refusal is said while typing, not a day later), and turned
// into the POST /{waba-id}/message_templates body.
class TemplateDraft
{
    Q_DECLARE_TR_FUNCTIONS(TemplateDraft)

public:
    enum class Header { None, Text, Image, Video, Document };

    QString name;
    QString language = QStringLiteral("es");
    QString category = QStringLiteral("UTILITY"); // UTILITY, MARKETING or AUTHENTICATION
    Header header = Header::None;
    QString headerText;
    QString headerExample;    // the value of the header text's variable, when it has one
    QString headerMediaHandle; // the example file's handle from the Resumable Upload API
    QString body;
    QStringList examples;     // one per body variable, in the order they first appear
    QString footer;
    QList<TemplateButton> buttons;

    // Meta's limits.
    static constexpr int kMaxNameLength = 512;
    static constexpr int kMaxBodyLength = 1024;
    static constexpr int kMaxHeaderTextLength = 60;
    static constexpr int kMaxFooterLength = 60;
    static constexpr int kMaxButtonTextLength = 25;
    static constexpr int kMaxButtons = 10;
    static constexpr int kMaxUrlButtons = 2;
    static constexpr int kMaxPhoneButtons = 1;
    static constexpr int kMaxUrlLength = 2000;
    static constexpr int kDaysBeforeANameReturns = 30;

    // Why `name` cannot be a template's name (lowercase letters, digits and underscores), or empty.
    [[nodiscard]] static QString nameProblem(const QString &name);
    // "Pedido listo" → "pedido_listo": what a person typed, made into a name Meta accepts.
    [[nodiscard]] static QString suggestedName(const QString &typed);

    // The body's variables ({{1}}, {{first_name}}) in the order they first appear.
    [[nodiscard]] QStringList bodyVariables() const;
    [[nodiscard]] bool usesNamedVariables() const;

    // Every rule the draft breaks, in plain words; empty when Meta's review can take it.
    [[nodiscard]] QStringList problems() const;

    // The request body (POST /{waba-id}/message_templates).
    [[nodiscard]] QJsonObject toCreateJson() const;

    // The draft of an existing template, to edit a copy of it.
    [[nodiscard]] static TemplateDraft fromTemplate(const MessageTemplate &existing);
};

} // namespace Mostrador
