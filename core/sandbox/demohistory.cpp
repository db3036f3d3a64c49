#include "demohistory.h"

#include "messaging/metapricing.h"

#include "common/clock.h"
#include "messaging/inboundbatch.h"
#include "outbox/outgoingstore.h"
#include "inbox/shopeditstore.h"
#include "webhook/webhookingestor.h"

#include <QJsonObject>
#include <QRandomGenerator>

namespace Mostrador {

namespace {

const char *const kNames[] = {"Marta Salazar", "Julián Ortiz", "Paola Méndez", "Diego Cárdenas", "Valentina Ríos", "Santiago Mora",
                              "Daniela Pardo", "Felipe Acosta", "Laura Quintero", "Mateo Vargas", "Sara Londoño", "Tomás Herrera",
                              "Isabela Duarte", "Nicolás Rincón", "Gabriela Suárez", "Sebastián Niño", "Mariana Cortés", "Alejandro Gil",
                              "Natalia Becerra", "Juan Pablo Arias", "Carolina Pineda", "Andrés Beltrán", "Luisa Fernanda Toro",
                              "Camilo Restrepo", "Manuela Zapata", "David Osorio", "Juliana Franco", "Esteban Ramírez",
                              "Ana María Castro", "Ricardo Peña", "Verónica Lozano", "Hernán Guzmán", "Lorena Vélez", "Óscar Jiménez",
                              "Catalina Mejía", "Fernando Ibarra", "Adriana Salcedo", "Mauricio Cano", "Yolanda Prieto", "Iván Serna"};

const char *const kQuestions[] = {"Hola, ¿tienen la manta gris de lana?", "¿Cuánto cuesta el envío a Medellín?",
                                  "Buenas, ¿la lámpara de mesa viene con bombillo?", "¿Tienen cojines de 45 x 45?",
                                  "¿Hasta qué hora abren hoy?", "Quiero hacer un pedido", "¿Aceptan Nequi?",
                                  "¿La taza de cerámica es apta para microondas?", "¿Ya llegó mi pedido?", "¿Tienen juego de sábanas doble?"};
const char *const kFollowUps[] = {"¿Y en otros colores?", "Gracias, ¿me la separan?", "Perfecto", "¿Cuándo llegaría?"};
const char *const kAnswers[] = {"¡Hola! Sí, la tenemos en gris y en beige. Cuesta $189.000.", "El envío a Medellín cuesta $15.000 y llega en 2 días.",
                                "Sí, incluye bombillo LED cálido.", "Sí, en lino y en algodón, $45.000 cada uno.",
                                "Hoy abrimos hasta las 20:00.", "¡Claro! ¿Qué te gustaría pedir?", "Sí, aceptamos Nequi y Daviplata.",
                                "Sí, es apta para microondas y lavavajillas.", "Tu pedido sale hoy; te enviamos la guía en la tarde."};

// Customers write more in the afternoon and evening: relative weights from 7 to 22 h.
constexpr int kHourWeights[] = {1, 3, 5, 6, 6, 5, 4, 5, 7, 8, 8, 7, 6, 5, 3, 2};

struct History {
    Database &database;
    const OpeningHours &hours;
    ManualClock clock;
    OutgoingStore outgoing;
    WebhookIngestor ingestor;
    ShopEditStore edits;
    QRandomGenerator random{20261130};
    int counter = 0;
    QSet<int> knownCustomers;
    StoreError failure; // the first write the store refused; the history stops there

    // True when `error` is one; the first is kept for write() to return.
    bool failed(const StoreError &error)
    {
        if (error.isError() && !failure.isError())
            failure = error;
        return error.isError();
    }

    History(Database &db, const OpeningHours &openingHours, const QDateTime &start)
        : database(db), hours(openingHours), clock(start), outgoing(db, clock), ingestor(db), edits(db, clock)
    {
    }

    QString waIdOf(int customer) const { return QStringLiteral("57310555%1").arg(customer, 4, 10, QLatin1Char('0')); }

    std::optional<qint64> customerWrites(int customer, const QDateTime &at, const QString &text, bool fromAd)
    {
        WireMessage wire;
        wire.wamid = QStringLiteral("wamid.demo.history.in.%1").arg(++counter);
        wire.businessPhoneNumberId = QStringLiteral("106540352242922");
        wire.customer.waId = waIdOf(customer);
        wire.customer.profileName = QString::fromUtf8(kNames[customer % std::size(kNames)]);
        wire.timestamp = at;
        wire.kind = MessageKind::Text;
        wire.typeName = QStringLiteral("text");
        wire.text = text;
        if (fromAd) {
            wire.referral.sourceId = QStringLiteral("120210555000001");
            wire.referral.sourceType = QStringLiteral("ad");
            wire.referral.sourceUrl = QStringLiteral("https://fb.me/casanube-mantas");
            wire.referral.headline = QStringLiteral("Mantas de lana: -20 % esta semana");
        }
        WebhookBatch batch;
        batch.messages.append(wire);
        if (failed(ingestor.ingest(batch).error))
            return std::nullopt;
        StoreError error;
        const auto conversation = outgoing.conversationForCustomer(wire.customer.waId, wire.businessPhoneNumberId, &error);
        failed(error);
        return conversation;
    }

    // A message of the shop, settled as sent and delivered with Meta's pricing.
    void shopWrites(qint64 conversation, const QDateTime &at, const QString &text, bool automatic, const QString &category = QStringLiteral("service"))
    {
        clock.set(at);
        StoreError error;
        const bool isTemplate = category != QLatin1String("service");
        const auto message = outgoing.enqueue(conversation, MessageKind::Text, text,
                                              QJsonObject{{QStringLiteral("type"), isTemplate ? QStringLiteral("template") : QStringLiteral("text")}},
                                              automatic, &error);
        if (!message) {
            failed(error);
            return;
        }
        const QString wamid = QStringLiteral("wamid.demo.history.out.%1").arg(++counter);
        if (failed(outgoing.markAccepted(message->id, wamid)))
            return;
        StatusUpdate delivered;
        delivered.wamid = wamid;
        delivered.status = DeliveryStatus::Read;
        delivered.statusName = QStringLiteral("read");
        delivered.timestamp = at.addSecs(40);
        const MetaCharge charge = MetaPricing::charge(category, !isTemplate, false, at.date());
        delivered.pricingCategory = charge.category;
        delivered.pricingModel = QStringLiteral("PMP");
        delivered.pricingBillable = charge.billable;
        delivered.pricingType = charge.type;
        WebhookBatch batch;
        batch.statuses.append(delivered);
        failed(ingestor.ingest(batch).error);
    }

    QDateTime startOf(QDate day)
    {
        int total = 0;
        for (int weight : kHourWeights)
            total += weight;
        int pick = int(random.bounded(total));
        int hour = 7;
        for (int weight : kHourWeights) {
            if ((pick -= weight) < 0)
                break;
            ++hour;
        }
        return QDateTime(day, QTime(hour, int(random.bounded(60)), int(random.bounded(60))), hours.zone()).toUTC();
    }

    // When a person of the shop gets to it: minutes later while open, after opening otherwise.
    QDateTime replyAt(const QDateTime &wrote)
    {
        const QDateTime from = hours.isOpen(wrote) ? wrote : hours.nextOpening(wrote);
        const int minutes = 2 + int(random.bounded(12)) + (random.bounded(5) == 0 ? int(random.bounded(80)) : 0);
        return (from.isValid() ? from : wrote).addSecs(minutes * 60 + int(random.bounded(60)));
    }

    void oneChat(int customer, const QDateTime &start, const QDateTime &end, bool leaveUnanswered)
    {
        const bool firstTime = !knownCustomers.contains(customer);
        knownCustomers.insert(customer);
        const QString question = QString::fromUtf8(kQuestions[random.bounded(int(std::size(kQuestions)))]);
        const auto conversation = customerWrites(customer, start, question, firstTime && random.bounded(4) == 0);
        if (!conversation)
            return;
        QDateTime last = start;
        if (random.bounded(3) == 0) {
            last = start.addSecs(60 + int(random.bounded(180)));
            customerWrites(customer, last, QString::fromUtf8(kFollowUps[random.bounded(int(std::size(kFollowUps)))]), false);
        }
        if (!hours.isOpen(start))
            shopWrites(*conversation, start.addSecs(3), QStringLiteral("Ahora estamos cerrados. Abrimos de lunes a sábado de 9 a 13 y de 16 a 20."), true);
        else if (firstTime)
            shopWrites(*conversation, start.addSecs(2), QStringLiteral("¡Hola! Gracias por escribir a Casa Nube. Enseguida te atendemos."), true);
        if (leaveUnanswered)
            return;
        const QDateTime answered = std::max(replyAt(start), last.addSecs(30));
        if (answered >= end)
            return;
        shopWrites(*conversation, answered, QString::fromUtf8(kAnswers[random.bounded(int(std::size(kAnswers)))]), false);
        QDateTime closedAt = answered.addSecs(600 + int(random.bounded(3000)));
        if (random.bounded(2) == 0) {
            // A thank-you is a message like any other: the shop answers it, or it waits.
            const QDateTime thanks = answered.addSecs(120 + int(random.bounded(600)));
            customerWrites(customer, thanks, QStringLiteral("¡Gracias!"), false);
            const QDateTime welcome = std::max(replyAt(thanks), thanks.addSecs(30));
            if (welcome < end)
                shopWrites(*conversation, welcome, QStringLiteral("¡Con gusto! Que la disfrutes."), false);
            closedAt = welcome.addSecs(300 + int(random.bounded(1800)));
        }
        if (closedAt < end) {
            clock.set(closedAt);
            if (failed(edits.setStatus(*conversation, QStringLiteral("resolved"))))
                return;
            StoreError error;
            edits.markRead(*conversation, &error);
            failed(error);
        }
    }
};

} // namespace

StoreError DemoHistory::write(Database &database, const OpeningHours &hours, const QDateTime &now, int days)
{
    const QDate today = now.toTimeZone(hours.zone()).date();
    History history(database, hours, now);
    const QDateTime end = QDateTime(today, QTime(0, 0), hours.zone()).toUTC();
    StoreError error;
    for (QDate day = today.addDays(-days); day < today && !history.failure.isError(); day = day.addDays(1)) {
        const bool sunday = day.dayOfWeek() == Qt::Sunday;
        const int chats = sunday ? 2 + int(history.random.bounded(3)) : 6 + int(history.random.bounded(9));
        QList<QDateTime> starts;
        for (int chat = 0; chat < chats; ++chat)
            starts << history.startOf(day);
        std::sort(starts.begin(), starts.end());
        // New customers keep arriving: the pool grows with the days.
        const int pool = std::min(int(std::size(kNames)), 8 + int(today.addDays(-days).daysTo(day)));
        for (const QDateTime &start : std::as_const(starts)) {
            const int customer = int(history.random.bounded(pool));
            const bool unanswered = day.daysTo(today) <= 12 && history.random.bounded(40) == 0;
            history.oneChat(customer, start, end, unanswered);
        }
        // Mondays at 10: the week's promotion to a few customers; some days, "your order is ready".
        if (day.dayOfWeek() == Qt::Monday) {
            for (int customer = 0; customer < 6; ++customer) {
                if (const auto conversation = history.outgoing.conversationForCustomer(history.waIdOf(customer * 4), QStringLiteral("106540352242922"), &error))
                    history.shopWrites(*conversation, QDateTime(day, QTime(10, customer), hours.zone()).toUTC(),
                                       QStringLiteral("Esta semana: mantas de lana con 20 % de descuento. Responde QUIERO para separarte una."),
                                       false, QStringLiteral("marketing"));
            }
        }
        if (day.dayOfWeek() == Qt::Thursday) {
            if (const auto conversation = history.outgoing.conversationForCustomer(history.waIdOf(int(history.random.bounded(int(std::size(kNames))))),
                                                                                   QStringLiteral("106540352242922"), &error))
                history.shopWrites(*conversation, QDateTime(day, QTime(17, 30), hours.zone()).toUTC(),
                                   QStringLiteral("Tu pedido está listo para recoger en la tienda."), false, QStringLiteral("utility"));
        }
        history.failed(error);
    }
    return history.failure;
}

} // namespace Mostrador
