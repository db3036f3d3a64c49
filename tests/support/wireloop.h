#pragma once

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "common/clock.h"
#include "sandbox/sandboxserver.h"
#include "webhook/webhookingestor.h"
#include "temporarystore.h"
#include "webhook/webhookreceiver.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace Mostrador::Testing {

// The whole wire on 127.0.0.1: a Cloud API client talking to the sandbox, which sends signed
// webhooks to a receiver that stores them in a real SQLite file.
struct WireLoop {
    static constexpr char kSecret[] = "sandbox-app-secret";
    static constexpr char kToken[] = "sandbox-access-token";

    explicit WireLoop(const QDateTime &start = QDateTime(QDate(2026, 11, 17), QTime(19, 0), Qt::UTC),
                      int maxSendsPerSecond = 20, Backend backend = Backend::Sqlite);

    // False (say why with skipReason) when the backend is not there in this run.
    [[nodiscard]] bool isAvailable() const { return store.isAvailable(); }
    [[nodiscard]] QString skipReason() const { return store.skipReason(); }

    ManualClock clock;
    TemporaryStore store;
    std::unique_ptr<Database> database;
    std::unique_ptr<WebhookIngestor> ingestor;
    std::unique_ptr<WebhookReceiver> receiver;
    std::unique_ptr<SandboxServer> sandbox;
    std::unique_ptr<CloudApiClient> client;

    [[nodiscard]] ApiConfig apiConfig() const;
    [[nodiscard]] QVariant value(const QString &sql, const QVariantList &values = {});

    // Waits (processing events) until the receiver has stored `count` batches in total.
    bool waitForBatches(quint64 count, int timeoutMs = 5000);

    // A customer writes a text (opening their 24-hour window); returns once that message is stored.
    [[nodiscard]] bool customerWrites(const QString &waId, const QString &text);
};

// Waits for a job's finished() and returns it (still alive until control returns to the loop).
template<typename Job>
Job *await(Job *job, int timeoutMs = 5000)
{
    QSignalSpy finished(job, &ApiJob::finished);
    if (!finished.wait(timeoutMs))
        ADD_FAILURE() << "the API job did not finish in time";
    return job;
}

} // namespace Mostrador::Testing
