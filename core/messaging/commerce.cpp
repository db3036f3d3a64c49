#include "commerce.h"

#include <QRegularExpression>

#include <cmath>

namespace Mostrador {

namespace {

// Currencies people write without decimals, whatever ISO 4217 says of their cents.
const char *const kWholeCurrencies[] = {"CLP", "COP", "CRC", "HUF", "IDR", "ISK", "JPY", "KRW", "PYG", "UGX", "VND", "XAF", "XOF"};

const char *const kStageNames[] = {"new", "pending_payment", "paid", "shipped", "delivered", "cancelled"};

// What a price's text may carry besides the number: currency codes and signs.
const QRegularExpression kCurrencyCode(QStringLiteral("(?<![A-Za-z])([A-Za-z]{3})(?![A-Za-z])"));

} // namespace

namespace Money {

int decimalsShown(const QString &currency)
{
    for (const char *code : kWholeCurrencies) {
        if (currency.compare(QLatin1String(code), Qt::CaseInsensitive) == 0)
            return 0;
    }
    return 2;
}

QString format(qint64 cents, const QString &currency, const QLocale &locale)
{
    const int decimals = decimalsShown(currency);
    const QString amount = locale.toString(double(cents) / 100.0, 'f', decimals);
    return currency.isEmpty() ? amount : amount + QChar(0x00a0) + currency.toUpper();
}

QString feedText(qint64 cents, const QString &currency)
{
    const QString amount = QString::number(double(cents) / 100.0, 'f', 2);
    return currency.isEmpty() ? amount : amount + QLatin1Char(' ') + currency.toUpper();
}

qint64 centsOf(double amount)
{
    return qint64(std::llround(amount * 100.0));
}

std::optional<qint64> parse(const QString &text, bool decimalComma, const QString &defaultCurrency, QString *currency)
{
    QString rest = text.trimmed();
    QString code = defaultCurrency.toUpper();
    if (const QRegularExpressionMatch match = kCurrencyCode.match(rest); match.hasMatch()) {
        code = match.captured(1).toUpper();
        rest.remove(match.capturedStart(1), match.capturedLength(1));
    }
    if (rest.contains(QChar(0x20ac)))
        code = QStringLiteral("EUR");
    QString digits;
    for (const QChar c : std::as_const(rest)) {
        if (c.isDigit() || c == QLatin1Char('.') || c == QLatin1Char(','))
            digits += c;
        else if (!c.isSpace() && c != QLatin1Char('$') && c != QChar(0x20ac) && c != QChar(0x00a0) && c != QChar(0x202f))
            return std::nullopt; // words, minus signs: not a price
    }
    if (digits.isEmpty() || !digits.front().isDigit())
        return std::nullopt;

    const qsizetype lastDot = digits.lastIndexOf(QLatin1Char('.'));
    const qsizetype lastComma = digits.lastIndexOf(QLatin1Char(','));
    QChar decimalMark;
    if (lastDot >= 0 && lastComma >= 0) {
        decimalMark = lastDot > lastComma ? QLatin1Char('.') : QLatin1Char(',');
    } else if (lastDot >= 0 || lastComma >= 0) {
        const QChar mark = lastDot >= 0 ? QLatin1Char('.') : QLatin1Char(',');
        const qsizetype at = std::max(lastDot, lastComma);
        const bool severalTimes = digits.count(mark) > 1;
        const bool threeAfter = digits.size() - at - 1 == 3;
        const bool shopsDecimal = (mark == QLatin1Char(',')) == decimalComma;
        const bool grouping = severalTimes || (threeAfter && (!shopsDecimal || decimalsShown(code) == 0));
        if (!grouping)
            decimalMark = mark;
    }
    QString plain;
    for (const QChar c : std::as_const(digits)) {
        if (c.isDigit())
            plain += c;
        else if (c == decimalMark)
            plain += QLatin1Char('.');
    }
    bool ok = false;
    const double amount = plain.toDouble(&ok);
    if (!ok || amount < 0 || amount > 1e13)
        return std::nullopt;
    if (currency)
        *currency = code;
    return centsOf(amount);
}

} // namespace Money

QString orderStageName(OrderStage stage)
{
    return QLatin1String(kStageNames[int(stage)]);
}

std::optional<OrderStage> orderStageFromName(const QString &name)
{
    for (int stage = 0; stage < kOrderStageCount; ++stage) {
        if (name == QLatin1String(kStageNames[stage]))
            return OrderStage(stage);
    }
    return std::nullopt;
}

QString orderStageText(OrderStage stage)
{
    switch (stage) {
    case OrderStage::New:
        return QCoreApplication::translate("Mostrador::OrderStage", "New");
    case OrderStage::PendingPayment:
        return QCoreApplication::translate("Mostrador::OrderStage", "Pending payment");
    case OrderStage::Paid:
        return QCoreApplication::translate("Mostrador::OrderStage", "Paid");
    case OrderStage::Shipped:
        return QCoreApplication::translate("Mostrador::OrderStage", "Shipped");
    case OrderStage::Delivered:
        return QCoreApplication::translate("Mostrador::OrderStage", "Delivered");
    case OrderStage::Cancelled:
        return QCoreApplication::translate("Mostrador::OrderStage", "Cancelled");
    }
    return {};
}

bool isOpenStage(OrderStage stage)
{
    return stage != OrderStage::Delivered && stage != OrderStage::Cancelled;
}

QString Product::priceText(const QLocale &locale) const
{
    return priceCents ? Money::format(*priceCents, currency, locale) : QString();
}

QString Order::number() const
{
    return QCoreApplication::translate("Mostrador::Order", "Order %1").arg(id);
}

} // namespace Mostrador
