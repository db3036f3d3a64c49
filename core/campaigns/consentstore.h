#pragma once

#include "db/storeerror.h"
#include "db/storeresult.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Mostrador {

class Database;

// Whether a customer may get promotions, with one meaning wherever it is asked or changed.
// A customer's own "no" (a message such as BAJA or STOP) stands until the customer says yes again
// (ALTA, START): the shop cannot lift it. The shop may leave a customer out on its own; that "no"
// is the shop's, and the shop may lift it. A customer's own "no" replaces the shop's, never the
// other way round.
class ConsentStore
{
public:
    // The reason recorded when the shop leaves a customer out.
    static inline const QString kShopReason = QStringLiteral("shop");

    explicit ConsentStore(Database &database);

    // The customer said no (`reason`: "message: BAJA"…). The first time they said it is kept.
    StoreError customerSaysNo(qint64 customerId, const QString &reason, const QDateTime &at);
    // The customer said yes again: any "no", theirs or the shop's, is lifted.
    StoreError customerSaysYes(qint64 customerId, const QString &source, const QDateTime &at);

    // The shop leaves them out (a "no" of the shop's own), unless the customer already said no.
    StoreError shopLeavesOut(qint64 customerId, const QDateTime &at);
    // The shop takes them back: lifts only the shop's own "no". False when the customer's own
    // stands (nothing is changed then).
    StoreResult<bool> shopTakesBack(qint64 customerId, const QDateTime &at);

    // Consent known from elsewhere (a list's opt-in column), kept unless they said no.
    StoreError recordOptIn(qint64 customerId, const QString &source, const QDateTime &at);

    // A marketing template sent in `conversationId` although its customer had said no, because
    // `sentBy` confirmed it (messageId 0: kept to store later). Kept with the "no" it went past.
    StoreError recordPromotionPastNo(qint64 conversationId, qint64 messageId, const QString &templateName,
                                     const QString &sentBy, const QDateTime &at);

    // One such promotion, as kept.
    struct PromotionPastNo {
        QString templateName;
        QString refusal;
        QString sentBy;
        QDateTime sentAt;
    };
    // The customer's, newest first.
    [[nodiscard]] StoreResult<QList<PromotionPastNo>> promotionsPastNo(qint64 customerId);

private:
    Database &m_database;
};

} // namespace Mostrador
