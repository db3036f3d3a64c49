#pragma once

#include "messaging/inboundbatch.h"
#include "webhook/webhookingestor.h"
#include "temporarystore.h"

#include <QDateTime>
#include <QString>

namespace Mostrador::Testing {

// Customers' messages written straight through the ingestor (no HTTP), for tests that need a
// history of a given shape: `conversations` customers, `perConversation` texts each, one minute
// apart from `start`, customer i's last message the newest for the highest i.
inline WebhookIngestor::Outcome storeHistory(WebhookIngestor &ingestor, int conversations, int perConversation,
                                             const QDateTime &start = QDateTime(QDate(2026, 11, 17), QTime(9, 0), Qt::UTC))
{
    WebhookBatch batch;
    for (int message = 0; message < perConversation; ++message) {
        for (int customer = 0; customer < conversations; ++customer) {
            WireMessage wire;
            wire.wamid = QStringLiteral("wamid.test.%1.%2.%3").arg(start.toSecsSinceEpoch()).arg(customer).arg(message);
            wire.businessPhoneNumberId = QStringLiteral("106540352242922");
            wire.customer.waId = QStringLiteral("5730000%1").arg(customer, 5, 10, QLatin1Char('0'));
            wire.customer.profileName = QStringLiteral("Cliente %1").arg(customer);
            wire.timestamp = start.addSecs(60LL * (message * conversations + customer));
            wire.kind = MessageKind::Text;
            wire.typeName = QStringLiteral("text");
            wire.text = QStringLiteral("Mensaje %1 de %2").arg(message).arg(customer);
            batch.messages.append(wire);
        }
    }
    return ingestor.ingest(batch);
}

// A test on each backend with a fresh store and the ingestor that fills it.
class IngestingStoreTest : public StoreTest
{
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        ingestor = std::make_unique<WebhookIngestor>(*database);
    }

    std::unique_ptr<WebhookIngestor> ingestor;
};

} // namespace Mostrador::Testing
