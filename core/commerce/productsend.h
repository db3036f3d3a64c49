#pragma once

#include "messaging/commerce.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Mostrador {

class MessageSender;

// Products into a conversation as WhatsApp shows them best: from Meta's catalog, one product
// (`product`, with its photo, price and a button to buy) or several in sections by the words
// the shop gives (`product_list`, up to 30), or the whole catalog (`catalog_message`); from the
// shop's own list, each product's photo with its name and price as the caption (or the words
// alone when it has no photo). Each goes through the outbox, so the 24-hour window and the
// number's pace hold as for any message.
class ProductSend final
{
    Q_DECLARE_TR_FUNCTIONS(Mostrador::ProductSend)

public:
    // "" when sent (queued); else why not, in plain words.
    [[nodiscard]] static QString send(MessageSender &sender, qint64 conversationId, const QList<Product> &products,
                                      const QString &words = {});
    [[nodiscard]] static QString sendCatalog(MessageSender &sender, qint64 conversationId, const QString &catalogId,
                                             const QString &thumbnailRetailerId, const QString &words = {});

    // What a product says under its photo: "Lámpara Nube — 189.000 COP" and its description.
    [[nodiscard]] static QString caption(const Product &product);
    // What the thread shows for a product message the shop sent.
    [[nodiscard]] static QString shownText(const QList<Product> &products);
};

} // namespace Mostrador
