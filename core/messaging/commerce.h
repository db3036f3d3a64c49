#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>

#include <optional>

namespace Mostrador {

// Money as shops write it: an amount kept in hundredths ("cents", whatever the currency) and
// an ISO 4217 code. Shown with the decimals people use for that currency: none for pesos
// colombianos or chilenos, two for euros and dollars.
namespace Money {

[[nodiscard]] int decimalsShown(const QString &currency);
// "45.000 COP", "12,99 EUR" (in the locale's digits and separators).
[[nodiscard]] QString format(qint64 cents, const QString &currency, const QLocale &locale = QLocale());
// An amount as Meta's catalog feed writes it: "45000.00 COP", "12.99 EUR".
[[nodiscard]] QString feedText(qint64 cents, const QString &currency);
// A price as people type it in a spreadsheet: "45.000", "45,000.50", "12,99 €", "$ 9.99", "9.99
// USD". A lone separator followed by three digits groups thousands unless it is the shop's
// decimal mark and the currency has decimals ("1.250" is 1250 COP, or 1.25 USD for a shop that
// writes decimal points). Nothing when it is not a price. `currency` gets the code when the text
// names one.
[[nodiscard]] std::optional<qint64> parse(const QString &text, bool decimalComma, const QString &defaultCurrency,
                                          QString *currency = nullptr);
// The amount as WhatsApp's order messages carry it (a JSON number in the currency's units).
[[nodiscard]] qint64 centsOf(double amount);

} // namespace Money

// Where an order is. Stored by name in orders.stage; each may have a label on conversations.
enum class OrderStage { New, PendingPayment, Paid, Shipped, Delivered, Cancelled };
inline constexpr int kOrderStageCount = 6;

[[nodiscard]] QString orderStageName(OrderStage stage); // "new", "pending_payment"…
[[nodiscard]] std::optional<OrderStage> orderStageFromName(const QString &name);
// The stage as the shop reads it ("Pending payment", "Pendiente de pago").
[[nodiscard]] QString orderStageText(OrderStage stage);
// Whether the order still asks something of the shop (not delivered or cancelled).
[[nodiscard]] bool isOpenStage(OrderStage stage);

// A product as the shop sells it: from Meta's catalog on the number, or the shop's own list.
struct Product {
    qint64 id = 0;
    QString source;        // "meta" or "local"
    QString catalogId;     // Meta's catalog id (meta products)
    QString retailerId;    // the shop's id for it: what carts and product messages name
    QString name;
    QString description;
    std::optional<qint64> priceCents;
    QString currency;
    QString availability = QStringLiteral("in stock"); // Meta's words: in stock, out of stock…
    QString imageUrl;      // where the photo is online, if anywhere
    QString imagePath;     // the photo kept on this PC (by SHA-256), if any
    QString imageSha256;
    QDateTime updatedAt;

    [[nodiscard]] bool isMeta() const { return source == QLatin1String("meta"); }
    [[nodiscard]] bool inStock() const { return availability.isEmpty() || availability == QLatin1String("in stock"); }
    [[nodiscard]] QString priceText(const QLocale &locale = QLocale()) const;
};

// One line of a cart or an order.
struct OrderLine {
    QString retailerId;
    int quantity = 0;
    qint64 unitCents = 0;
    QString currency;
    QString name;      // the product's name when the order was made; empty when unknown
    QString imagePath; // its photo then, if the shop had one

    [[nodiscard]] qint64 lineCents() const { return unitCents * quantity; }
};

struct Order {
    qint64 id = 0;
    qint64 conversationId = 0;
    qint64 customerId = 0;
    qint64 messageId = 0;   // the cart's message; 0 for an order made by hand
    QString customerName;
    QString customerWaId;
    QString catalogId;
    QString currency;
    qint64 totalCents = 0;
    QString note;
    OrderStage stage = OrderStage::New;
    QString tracking;
    QDateTime createdAt;
    QDateTime stageAt;
    QList<OrderLine> lines;

    // "Pedido 12": how people name it in the chat.
    [[nodiscard]] QString number() const;
};

} // namespace Mostrador
