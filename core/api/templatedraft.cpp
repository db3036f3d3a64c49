#include "templatedraft.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Mostrador {

namespace {

// Anything written between double braces, valid or not, so a typo is named instead of sent.
const QRegularExpression &anyVariable()
{
    static const QRegularExpression expression(QStringLiteral("\\{\\{([^{}]*)\\}\\}"));
    return expression;
}

bool isNumbered(const QString &name)
{
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]*$"));
    return digits.match(name).hasMatch();
}

bool isNamed(const QString &name)
{
    static const QRegularExpression named(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    return named.match(name).hasMatch();
}

QStringList variablesIn(const QString &text)
{
    QStringList names;
    for (auto it = anyVariable().globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1).trimmed();
        if (!names.contains(name))
            names << name;
    }
    return names;
}

QString categoryName(const QString &category)
{
    return category.toUpper();
}

QString buttonTypeName(TemplateButton::Kind kind)
{
    switch (kind) {
    case TemplateButton::Kind::QuickReply: return QStringLiteral("QUICK_REPLY");
    case TemplateButton::Kind::Url: return QStringLiteral("URL");
    case TemplateButton::Kind::Phone: return QStringLiteral("PHONE_NUMBER");
    }
    return {};
}

QString headerFormat(TemplateDraft::Header header)
{
    switch (header) {
    case TemplateDraft::Header::Text: return QStringLiteral("TEXT");
    case TemplateDraft::Header::Image: return QStringLiteral("IMAGE");
    case TemplateDraft::Header::Video: return QStringLiteral("VIDEO");
    case TemplateDraft::Header::Document: return QStringLiteral("DOCUMENT");
    case TemplateDraft::Header::None: break;
    }
    return {};
}

} // namespace

std::optional<TemplateButton> TemplateButton::parse(const QString &spec, QString *problem)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString kind = spec.left(colon).trimmed().toLower();
    const QString rest = colon < 0 ? QString() : spec.mid(colon + 1);
    TemplateButton button;
    if (kind == QLatin1String("quick")) {
        button.text = rest.trimmed();
        return button;
    }
    const qsizetype equals = rest.indexOf(QLatin1Char('='));
    if ((kind == QLatin1String("url") || kind == QLatin1String("phone")) && equals > 0) {
        button.kind = kind == QLatin1String("url") ? Kind::Url : Kind::Phone;
        button.text = rest.left(equals).trimmed();
        button.target = rest.mid(equals + 1).trimmed();
        return button;
    }
    if (problem)
        *problem = TemplateDraft::tr("“%1” is not a button: write quick:TEXT, url:TEXT=URL or phone:TEXT=NUMBER.").arg(spec);
    return std::nullopt;
}

QString TemplateDraft::nameProblem(const QString &name)
{
    static const QRegularExpression allowed(QStringLiteral("^[a-z0-9_]+$"));
    if (name.isEmpty())
        return tr("The template needs a name.");
    if (name.size() > kMaxNameLength)
        return tr("The name is longer than %1 characters.").arg(kMaxNameLength);
    if (!allowed.match(name).hasMatch())
        return tr("A template's name may only have lowercase letters without accents, digits and underscores "
                  "(for example pedido_listo).");
    return {};
}

QString TemplateDraft::suggestedName(const QString &typed)
{
    QString name;
    for (const QChar c : typed.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c.isDigit())
            name += c.isDigit() ? QChar(QLatin1Char('0' + c.digitValue())) : c;
        else if ((c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('_')) && !name.endsWith(QLatin1Char('_')))
            name += QLatin1Char('_');
    }
    while (name.endsWith(QLatin1Char('_')))
        name.chop(1);
    while (name.startsWith(QLatin1Char('_')))
        name.remove(0, 1);
    return name.left(kMaxNameLength);
}

QStringList TemplateDraft::bodyVariables() const
{
    return variablesIn(body);
}

bool TemplateDraft::usesNamedVariables() const
{
    const QStringList variables = bodyVariables();
    return !variables.isEmpty() && std::all_of(variables.cbegin(), variables.cend(), isNamed);
}

QStringList TemplateDraft::problems() const
{
    QStringList found;
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        found << problem;
    static const QRegularExpression languageCode(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
    if (!languageCode.match(language).hasMatch())
        found << tr("“%1” is not a language code such as es, en_US or pt_BR.").arg(language);
    const QString upperCategory = categoryName(category);
    if (upperCategory != QLatin1String("UTILITY") && upperCategory != QLatin1String("MARKETING")
        && upperCategory != QLatin1String("AUTHENTICATION"))
        found << tr("The category must be utility, marketing or authentication.");
    if (upperCategory == QLatin1String("AUTHENTICATION")) {
        // Meta writes an authentication template's words itself; only a code button goes with it.
        if (header != Header::None || !buttons.isEmpty())
            found << tr("An authentication template has no header or buttons of its own: WhatsApp writes its text "
                        "and adds the button that copies the code.");
        return found;
    }

    // The body.
    const QString trimmed = body.trimmed();
    if (trimmed.isEmpty())
        found << tr("The message needs a text.");
    if (body.size() > kMaxBodyLength)
        found << tr("The text has %1 characters; WhatsApp allows %2.").arg(body.size()).arg(kMaxBodyLength);
    const QStringList variables = bodyVariables();
    const bool anyNumbered = std::any_of(variables.cbegin(), variables.cend(), isNumbered);
    const bool anyNamed = std::any_of(variables.cbegin(), variables.cend(), isNamed);
    for (const QString &variable : variables) {
        if (!isNumbered(variable) && !isNamed(variable))
            found << tr("{{%1}} is not a variable: use numbers ({{1}}, {{2}}…) or names in lowercase "
                        "({{first_name}}).").arg(variable);
    }
    if (anyNumbered && anyNamed)
        found << tr("Use either numbered variables ({{1}}) or named ones ({{first_name}}), not both.");
    if (anyNumbered && !anyNamed) {
        for (int number = 1; number <= variables.size(); ++number) {
            if (!variables.contains(QString::number(number))) {
                found << tr("Variables are numbered in order without gaps: {{%1}} is missing.").arg(number);
                break;
            }
        }
    }
    if (trimmed.startsWith(QLatin1String("{{")))
        found << tr("The text cannot start with a variable: write a word before it.");
    if (trimmed.endsWith(QLatin1String("}}")))
        found << tr("The text cannot end with a variable: write a word or a full stop after it.");
    static const QRegularExpression adjacent(QStringLiteral("\\}\\}\\s*\\{\\{"));
    if (adjacent.match(body).hasMatch())
        found << tr("Two variables cannot be side by side: put words between them.");
    for (int index = 0; index < variables.size(); ++index) {
        if (index >= examples.size() || examples.at(index).trimmed().isEmpty())
            found << tr("{{%1}} needs an example value for Meta's review.").arg(variables.at(index));
    }

    // The header.
    if (header == Header::Text) {
        if (headerText.trimmed().isEmpty())
            found << tr("The header is empty.");
        if (headerText.size() > kMaxHeaderTextLength)
            found << tr("The header has %1 characters; WhatsApp allows %2.").arg(headerText.size()).arg(kMaxHeaderTextLength);
        const QStringList headerVariables = variablesIn(headerText);
        if (headerVariables.size() > 1)
            found << tr("The header can have one variable at most.");
        else if (headerVariables.size() == 1 && headerExample.trimmed().isEmpty())
            found << tr("The header's variable needs an example value.");
    } else if (header != Header::None && headerMediaHandle.isEmpty()) {
        found << tr("The header needs an example file.");
    }

    // The footer.
    if (footer.size() > kMaxFooterLength)
        found << tr("The footer has %1 characters; WhatsApp allows %2.").arg(footer.size()).arg(kMaxFooterLength);
    if (!variablesIn(footer).isEmpty())
        found << tr("The footer cannot have variables.");

    // The buttons.
    if (buttons.size() > kMaxButtons)
        found << tr("A template can have %1 buttons at most.").arg(kMaxButtons);
    int urls = 0;
    int phones = 0;
    int groups = 0;
    std::optional<bool> lastWasQuick;
    for (const TemplateButton &button : buttons) {
        const bool quick = button.kind == TemplateButton::Kind::QuickReply;
        if (lastWasQuick != quick)
            ++groups;
        lastWasQuick = quick;
        if (button.text.trimmed().isEmpty())
            found << tr("A button has no text.");
        else if (button.text.size() > kMaxButtonTextLength)
            found << tr("The button “%1” is longer than %2 characters.").arg(button.text).arg(kMaxButtonTextLength);
        if (button.kind == TemplateButton::Kind::Url) {
            ++urls;
            const QStringList urlVariables = variablesIn(button.target);
            if (!button.target.startsWith(QLatin1String("https://")) && !button.target.startsWith(QLatin1String("http://")))
                found << tr("The link of “%1” must start with https://.").arg(button.text);
            if (button.target.size() > kMaxUrlLength)
                found << tr("The link of “%1” is longer than %2 characters.").arg(button.text).arg(kMaxUrlLength);
            if (!urlVariables.isEmpty() && (urlVariables.size() > 1 || !button.target.endsWith(QLatin1String("{{1}}"))))
                found << tr("A link can have one variable, {{1}}, at its very end.");
            else if (!urlVariables.isEmpty() && button.example.trimmed().isEmpty())
                found << tr("The link of “%1” needs an example of the whole address.").arg(button.text);
        } else if (button.kind == TemplateButton::Kind::Phone) {
            ++phones;
            static const QRegularExpression number(QStringLiteral("^\\+[0-9 ]{7,20}$"));
            if (!number.match(button.target).hasMatch())
                found << tr("The number of “%1” must be written with its country code, such as +57 601 555 0100.").arg(button.text);
        }
    }
    if (urls > kMaxUrlButtons)
        found << tr("A template can have %1 link buttons at most.").arg(kMaxUrlButtons);
    if (phones > kMaxPhoneButtons)
        found << tr("A template can have one call button at most.");
    if (groups > 2)
        found << tr("Quick-reply buttons go together, before or after the link and call buttons.");
    return found;
}

QJsonObject TemplateDraft::toCreateJson() const
{
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("language"), language},
                     {QStringLiteral("category"), categoryName(category)}};
    QJsonArray components;
    if (categoryName(category) == QLatin1String("AUTHENTICATION")) {
        components << QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                                  {QStringLiteral("add_security_recommendation"), true}};
        components << QJsonObject{{QStringLiteral("type"), QStringLiteral("BUTTONS")},
                                  {QStringLiteral("buttons"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("OTP")},
                                                                                      {QStringLiteral("otp_type"), QStringLiteral("COPY_CODE")}}}}};
        json.insert(QStringLiteral("components"), components);
        return json;
    }
    const bool named = usesNamedVariables();
    if (named)
        json.insert(QStringLiteral("parameter_format"), QStringLiteral("NAMED"));

    if (header == Header::Text) {
        QJsonObject component{{QStringLiteral("type"), QStringLiteral("HEADER")},
                              {QStringLiteral("format"), QStringLiteral("TEXT")},
                              {QStringLiteral("text"), headerText}};
        const QStringList headerVariables = variablesIn(headerText);
        if (!headerVariables.isEmpty()) {
            component.insert(QStringLiteral("example"),
                             named ? QJsonObject{{QStringLiteral("header_text_named_params"),
                                                  QJsonArray{QJsonObject{{QStringLiteral("param_name"), headerVariables.first()},
                                                                         {QStringLiteral("example"), headerExample}}}}}
                                   : QJsonObject{{QStringLiteral("header_text"), QJsonArray{headerExample}}});
        }
        components << component;
    } else if (header != Header::None) {
        components << QJsonObject{{QStringLiteral("type"), QStringLiteral("HEADER")},
                                  {QStringLiteral("format"), headerFormat(header)},
                                  {QStringLiteral("example"), QJsonObject{{QStringLiteral("header_handle"), QJsonArray{headerMediaHandle}}}}};
    }

    QJsonObject bodyComponent{{QStringLiteral("type"), QStringLiteral("BODY")}, {QStringLiteral("text"), body}};
    const QStringList variables = bodyVariables();
    if (!variables.isEmpty()) {
        if (named) {
            QJsonArray params;
            for (int index = 0; index < variables.size(); ++index)
                params << QJsonObject{{QStringLiteral("param_name"), variables.at(index)},
                                      {QStringLiteral("example"), examples.value(index)}};
            bodyComponent.insert(QStringLiteral("example"), QJsonObject{{QStringLiteral("body_text_named_params"), params}});
        } else {
            // Examples in the variables' numeric order, whatever order they appear in.
            QJsonArray values;
            for (int number = 1; number <= variables.size(); ++number)
                values << examples.value(int(variables.indexOf(QString::number(number))));
            // One set of examples, as a list inside the list (QJsonArray{values} would copy, not nest).
            QJsonArray sets;
            sets.append(values);
            bodyComponent.insert(QStringLiteral("example"), QJsonObject{{QStringLiteral("body_text"), sets}});
        }
    }
    components << bodyComponent;

    if (!footer.trimmed().isEmpty())
        components << QJsonObject{{QStringLiteral("type"), QStringLiteral("FOOTER")}, {QStringLiteral("text"), footer}};

    if (!buttons.isEmpty()) {
        QJsonArray list;
        for (const TemplateButton &button : buttons) {
            QJsonObject item{{QStringLiteral("type"), buttonTypeName(button.kind)}, {QStringLiteral("text"), button.text}};
            if (button.kind == TemplateButton::Kind::Url) {
                item.insert(QStringLiteral("url"), button.target);
                if (!variablesIn(button.target).isEmpty())
                    item.insert(QStringLiteral("example"), QJsonArray{button.example});
            } else if (button.kind == TemplateButton::Kind::Phone) {
                item.insert(QStringLiteral("phone_number"), QString(button.target).remove(QLatin1Char(' ')));
            }
            list << item;
        }
        components << QJsonObject{{QStringLiteral("type"), QStringLiteral("BUTTONS")}, {QStringLiteral("buttons"), list}};
    }
    json.insert(QStringLiteral("components"), components);
    return json;
}

TemplateDraft TemplateDraft::fromTemplate(const MessageTemplate &existing)
{
    TemplateDraft draft;
    draft.name = existing.name;
    draft.language = existing.language;
    draft.category = existing.category;
    for (const QJsonValue &value : existing.components) {
        const QJsonObject component = value.toObject();
        const QString type = component.value(QLatin1String("type")).toString().toUpper();
        const QJsonObject example = component.value(QLatin1String("example")).toObject();
        if (type == QLatin1String("HEADER")) {
            const QString format = component.value(QLatin1String("format")).toString().toUpper();
            draft.header = format == QLatin1String("TEXT") ? Header::Text
                : format == QLatin1String("IMAGE")         ? Header::Image
                : format == QLatin1String("VIDEO")         ? Header::Video
                : format == QLatin1String("DOCUMENT")      ? Header::Document
                                                           : Header::None;
            draft.headerText = component.value(QLatin1String("text")).toString();
            draft.headerExample = example.value(QLatin1String("header_text")).toArray().first().toString();
        } else if (type == QLatin1String("BODY")) {
            draft.body = component.value(QLatin1String("text")).toString();
            for (const QJsonValue &named : example.value(QLatin1String("body_text_named_params")).toArray())
                draft.examples << named.toObject().value(QLatin1String("example")).toString();
            const QJsonArray positional = example.value(QLatin1String("body_text")).toArray().first().toArray();
            const QStringList variables = draft.bodyVariables();
            if (!positional.isEmpty()) {
                for (const QString &variable : variables)
                    draft.examples << positional.at(variable.toInt() - 1).toString();
            }
        } else if (type == QLatin1String("FOOTER")) {
            draft.footer = component.value(QLatin1String("text")).toString();
        } else if (type == QLatin1String("BUTTONS")) {
            for (const QJsonValue &item : component.value(QLatin1String("buttons")).toArray()) {
                const QJsonObject json = item.toObject();
                const QString kind = json.value(QLatin1String("type")).toString();
                TemplateButton button;
                button.text = json.value(QLatin1String("text")).toString();
                if (kind == QLatin1String("URL")) {
                    button.kind = TemplateButton::Kind::Url;
                    button.target = json.value(QLatin1String("url")).toString();
                    button.example = json.value(QLatin1String("example")).toArray().first().toString();
                } else if (kind == QLatin1String("PHONE_NUMBER")) {
                    button.kind = TemplateButton::Kind::Phone;
                    button.target = json.value(QLatin1String("phone_number")).toString();
                } else if (kind != QLatin1String("QUICK_REPLY")) {
                    continue;
                }
                draft.buttons << button;
            }
        }
    }
    return draft;
}

} // namespace Mostrador
