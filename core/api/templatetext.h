#pragma once

#include "api/apitypes.h"

#include <QCoreApplication>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Mostrador {

// A template's body as a person reads it: its variables ({{1}} or {{first_name}}) in the order
// they first appear, the words around each (to say what it fills), which one is the customer's
// name, and the text with values put in.
class TemplateText
{
public:
    explicit TemplateText(const QString &body);

    [[nodiscard]] int variableCount() const { return int(m_variables.size()); }
    [[nodiscard]] QString variableName(int index) const { return m_variables.at(index); }

    // "Hola ___, tu pedido": the words before and after the variable, the others as "…".
    [[nodiscard]] QString context(int index) const;

    // The variable a greeting ("Hola {{1}}", "Hi {{1}}") or its name ({{first_name}}) says is the
    // customer's name; -1 when none is.
    [[nodiscard]] int customerNameVariable() const;

    // Values in order; an empty one shows as `blank` with %1 its number.
    [[nodiscard]] QString render(const QStringList &values, const QString &blank = QStringLiteral("[%1]")) const;

private:
    [[nodiscard]] QString filled(const std::function<QString(int)> &valueOf) const;

    QString m_body;
    QStringList m_variables;
};

// Which approved templates a person is offered, in which order.
namespace TemplateChoice {

// Meta's own examples every new account has (hello_world, sample_…): not the shop's words.
[[nodiscard]] bool isMetaSample(const MessageTemplate &candidate);

// "pedido_listo" → "Pedido listo".
[[nodiscard]] QString displayName(const MessageTemplate &candidate);

// "es_MX" → "es".
[[nodiscard]] QString primaryLanguage(const QString &code);

// A marketing template: a promotion, which a customer who said no must not get.
[[nodiscard]] bool isPromotion(const MessageTemplate &candidate);

// Approved only; the customer's language first, then the shop's, then the rest, each by name;
// Meta's samples left out unless asked for. For a customer who said no to promotions, every
// other template comes before any promotion, so none is the one offered first.
[[nodiscard]] QList<MessageTemplate> offered(const QList<MessageTemplate> &templates, const QString &customerLanguage,
                                             const QString &shopLanguage, bool withSamples, bool promotionsLast = false);

} // namespace TemplateChoice

// Meta's words for a template's state, said for a shop.
class TemplateWords
{
    Q_DECLARE_TR_FUNCTIONS(TemplateWords)

public:
    [[nodiscard]] static QString status(const QString &status);    // APPROVED → "approved"
    [[nodiscard]] static QString category(const QString &category); // MARKETING → "marketing"
    [[nodiscard]] static QString quality(const QString &quality);   // GREEN → "high"
    [[nodiscard]] static QString rejection(const QString &reason);  // INVALID_FORMAT → a sentence
    // "Meta moved it from utility to marketing: each message now costs the marketing price."
    [[nodiscard]] static QString recategorised(const QString &from, const QString &to);
};

} // namespace Mostrador
