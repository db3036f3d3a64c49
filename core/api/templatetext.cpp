#include "templatetext.h"

#include <QRegularExpression>

#include <algorithm>

namespace Mostrador {

namespace {

const QRegularExpression &placeholder()
{
    static const QRegularExpression expression(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    return expression;
}

// Words that put a name right after them, in the languages shops write templates in.
bool endsWithGreeting(const QString &before)
{
    static const QRegularExpression greeting(
            QStringLiteral("(?:^|[\\s¡!¿,.])(hola|hi|hello|hey|dear|querid[oa]|estimad[oa]|ol[áa]|oi|"
                           "buen[oa]s\\s+\\w+|bom\\s+dia|boa\\s+\\w+|bonjour|hallo|ciao)[\\s,]*$"),
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return greeting.match(before).hasMatch();
}

bool namesTheCustomer(const QString &variable)
{
    static const QStringList names{QStringLiteral("name"),          QStringLiteral("first_name"),
                                   QStringLiteral("customer_name"), QStringLiteral("nombre"),
                                   QStringLiteral("nome"),          QStringLiteral("primer_nombre"),
                                   QStringLiteral("cliente"),       QStringLiteral("customer")};
    return names.contains(variable.toLower());
}

} // namespace

TemplateText::TemplateText(const QString &body)
    : m_body(body)
{
    for (auto it = placeholder().globalMatch(body); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!m_variables.contains(name))
            m_variables << name;
    }
}

QString TemplateText::filled(const std::function<QString(int)> &valueOf) const
{
    QString result;
    qsizetype from = 0;
    for (auto it = placeholder().globalMatch(m_body); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += m_body.mid(from, match.capturedStart() - from);
        result += valueOf(int(m_variables.indexOf(match.captured(1))));
        from = match.capturedEnd();
    }
    return result + m_body.mid(from);
}

QString TemplateText::render(const QStringList &values, const QString &blank) const
{
    return filled([&](int index) {
        const QString value = index < values.size() ? values.at(index).trimmed() : QString();
        return value.isEmpty() ? blank.arg(index + 1) : value;
    });
}

QString TemplateText::context(int index) const
{
    // The text with this variable as "___" and the others as "…", cut to a few words each side.
    const QString marked = filled([index](int other) {
        return other == index ? QStringLiteral("___") : QStringLiteral("…");
    });
    const qsizetype at = marked.indexOf(QLatin1String("___"));
    if (at < 0)
        return QStringLiteral("___");
    const QString before = marked.left(at).simplified();
    const QString after = marked.mid(at + 3).simplified();
    const QStringList wordsBefore = before.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList wordsAfter = after.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    constexpr int kWordsBefore = 4;
    constexpr int kWords = 3;
    QString result = wordsBefore.mid(std::max<qsizetype>(0, wordsBefore.size() - kWordsBefore)).join(QLatin1Char(' '));
    if (wordsBefore.size() > kWordsBefore)
        result.prepend(QStringLiteral("… "));
    const bool glued = after.startsWith(QLatin1Char(',')) || after.startsWith(QLatin1Char('.'))
            || after.startsWith(QLatin1Char('!')) || after.startsWith(QLatin1Char('?'));
    result += (result.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("___");
    const QString tail = wordsAfter.mid(0, kWords).join(QLatin1Char(' '));
    if (!tail.isEmpty())
        result += (glued ? QString() : QStringLiteral(" ")) + tail;
    if (wordsAfter.size() > kWords)
        result += QStringLiteral(" …");
    return result;
}

int TemplateText::customerNameVariable() const
{
    for (int i = 0; i < m_variables.size(); ++i) {
        if (namesTheCustomer(m_variables.at(i)))
            return i;
    }
    for (auto it = placeholder().globalMatch(m_body); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (endsWithGreeting(m_body.left(match.capturedStart())))
            return int(m_variables.indexOf(match.captured(1)));
    }
    return -1;
}

namespace TemplateChoice {

bool isMetaSample(const MessageTemplate &candidate)
{
    return candidate.name == QLatin1String("hello_world") || candidate.name.startsWith(QLatin1String("sample_"));
}

QString displayName(const MessageTemplate &candidate)
{
    QString name = candidate.name;
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    name = name.simplified();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name;
}

QString primaryLanguage(const QString &code)
{
    return code.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
}

bool isPromotion(const MessageTemplate &candidate)
{
    return candidate.category.compare(QLatin1String("MARKETING"), Qt::CaseInsensitive) == 0;
}

QList<MessageTemplate> offered(const QList<MessageTemplate> &templates, const QString &customerLanguage,
                               const QString &shopLanguage, bool withSamples, bool promotionsLast)
{
    const QString customer = primaryLanguage(customerLanguage);
    const QString shop = primaryLanguage(shopLanguage);
    const auto rank = [&](const MessageTemplate &candidate) {
        const int last = promotionsLast && isPromotion(candidate) ? 3 : 0;
        const QString language = primaryLanguage(candidate.language);
        if (!customer.isEmpty() && language == customer)
            return last;
        if (!shop.isEmpty() && language == shop)
            return last + 1;
        return last + 2;
    };
    QList<MessageTemplate> result;
    for (const MessageTemplate &candidate : templates) {
        if (candidate.isApproved() && (withSamples || !isMetaSample(candidate)))
            result << candidate;
    }
    std::stable_sort(result.begin(), result.end(), [&](const MessageTemplate &a, const MessageTemplate &b) {
        const int rankA = rank(a);
        const int rankB = rank(b);
        if (rankA != rankB)
            return rankA < rankB;
        return QString::localeAwareCompare(displayName(a), displayName(b)) < 0;
    });
    return result;
}

} // namespace TemplateChoice

QString TemplateWords::status(const QString &status)
{
    const QString upper = status.toUpper();
    if (upper == QLatin1String("APPROVED"))
        return tr("approved");
    if (upper == QLatin1String("PENDING") || upper == QLatin1String("IN_APPEAL"))
        return tr("in Meta's review");
    if (upper == QLatin1String("REJECTED"))
        return tr("rejected");
    if (upper == QLatin1String("PAUSED"))
        return tr("paused for low quality");
    if (upper == QLatin1String("DISABLED"))
        return tr("disabled");
    if (upper == QLatin1String("PENDING_DELETION") || upper == QLatin1String("DELETED"))
        return tr("deleted");
    if (upper == QLatin1String("ARCHIVED"))
        return tr("archived");
    return status.toLower();
}

QString TemplateWords::category(const QString &category)
{
    const QString upper = category.toUpper();
    if (upper == QLatin1String("MARKETING"))
        return tr("marketing");
    if (upper == QLatin1String("UTILITY"))
        return tr("utility");
    if (upper == QLatin1String("AUTHENTICATION"))
        return tr("authentication");
    return category.toLower();
}

QString TemplateWords::quality(const QString &quality)
{
    const QString upper = quality.toUpper();
    if (upper == QLatin1String("GREEN") || upper == QLatin1String("HIGH"))
        return tr("high");
    if (upper == QLatin1String("YELLOW") || upper == QLatin1String("MEDIUM"))
        return tr("medium");
    if (upper == QLatin1String("RED") || upper == QLatin1String("LOW"))
        return tr("low");
    return tr("not rated yet");
}

QString TemplateWords::rejection(const QString &reason)
{
    const QString upper = reason.toUpper();
    if (upper == QLatin1String("INVALID_FORMAT"))
        return tr("Meta found its format wrong (variables, examples or lengths).");
    if (upper == QLatin1String("INCORRECT_CATEGORY"))
        return tr("Meta thinks its category is wrong: a promotion is marketing, not utility.");
    if (upper == QLatin1String("ABUSIVE_CONTENT"))
        return tr("Meta found its content against WhatsApp's policies.");
    if (upper == QLatin1String("SCAM"))
        return tr("Meta took it for a scam.");
    if (upper == QLatin1String("TAG_CONTENT_MISMATCH"))
        return tr("Its words do not match the category or language chosen.");
    if (upper.isEmpty() || upper == QLatin1String("NONE"))
        return {};
    return reason;
}

QString TemplateWords::recategorised(const QString &from, const QString &to)
{
    if (to.compare(QLatin1String("MARKETING"), Qt::CaseInsensitive) == 0)
        return tr("Meta moved it from %1 to marketing: each message now costs the marketing price.").arg(category(from));
    return tr("Meta moved it from %1 to %2.").arg(category(from), category(to));
}

} // namespace Mostrador
