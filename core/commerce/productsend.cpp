#include "productsend.h"

#include "api/messagepayloads.h"
#include "outbox/messagesender.h"

namespace Mostrador {

QString ProductSend::caption(const Product &product)
{
    QString text = product.name;
    if (product.priceCents)
        text += QStringLiteral(" — ") + product.priceText();
    if (!product.inStock())
        text += QStringLiteral(" (") + tr("sold out") + QLatin1Char(')');
    if (!product.description.isEmpty())
        text += QLatin1Char('\n') + product.description;
    return text;
}

QString ProductSend::shownText(const QList<Product> &products)
{
    if (products.size() == 1)
        return tr("Product: %1").arg(caption(products.first()).section(QLatin1Char('\n'), 0, 0));
    QStringList names;
    for (const Product &product : products)
        names << product.name;
    return tr("%n product(s): %1", nullptr, int(products.size())).arg(names.join(QStringLiteral(", ")));
}

QString ProductSend::send(MessageSender &sender, qint64 conversationId, const QList<Product> &products, const QString &words)
{
    if (products.isEmpty())
        return tr("Choose at least one product.");
    const bool allMeta = std::all_of(products.cbegin(), products.cend(), [](const Product &product) { return product.isMeta(); });
    if (allMeta) {
        const QString catalogId = products.first().catalogId;
        MessageSender::Result result;
        if (products.size() == 1) {
            result = sender.send({conversationId, MessageKind::Interactive, shownText(products),
                                  MessagePayloads::product({}, catalogId, products.first().retailerId, words), {}});
        } else {
            MessagePayloads::ProductSection section;
            for (const Product &product : products)
                section.retailerIds << product.retailerId;
            const QString header = tr("Products for you");
            const QString body = words.isEmpty() ? tr("Tap one to see it and add it to your cart.") : words;
            if (const QString problem = MessagePayloads::validateProductList(header, {section}); !problem.isEmpty())
                return problem;
            result = sender.send({conversationId, MessageKind::Interactive, shownText(products),
                                  MessagePayloads::productList({}, catalogId, header, body, {section}), {}});
        }
        return result.isStoredOrKept() ? QString() : result.error.userMessage;
    }
    // The shop's own list: WhatsApp has no product card for it, so a photo with a caption each.
    for (const Product &product : products) {
        const QString text = caption(product);
        if (product.imagePath.isEmpty()) {
            const MessageSender::Result result = sender.sendText(conversationId, text);
            if (!result.isStoredOrKept())
                return result.error.userMessage;
        } else {
            sender.sendFile(conversationId, product.imagePath, text, product.name);
        }
    }
    return {};
}

QString ProductSend::sendCatalog(MessageSender &sender, qint64 conversationId, const QString &catalogId,
                                 const QString &thumbnailRetailerId, const QString &words)
{
    if (catalogId.isEmpty())
        return tr("The whole catalog can be sent only when the shop's catalog is on Meta (Commerce Manager).");
    const QString body = words.isEmpty() ? tr("Here is our catalog: tap a product to see it and add it to your cart.") : words;
    const MessageSender::Result result = sender.send(
        {conversationId, MessageKind::Interactive, tr("The whole catalog"),
         MessagePayloads::catalogMessage({}, body, thumbnailRetailerId), {}});
    return result.isStoredOrKept() ? QString() : result.error.userMessage;
}

} // namespace Mostrador
