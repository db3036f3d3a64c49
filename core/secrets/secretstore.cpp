#include "secretstore.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcSecrets, "mostrador.secrets")

namespace {

SecretResult resultOf(const QKeychain::Job &job)
{
    SecretResult result;
    result.detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = SecretResult::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotFound;
        result.userMessage = SecretStore::tr("Nothing is saved in the keychain under this name yet.");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        result.status = SecretResult::Status::Unavailable;
        result.userMessage = SecretStore::tr("This computer has no keychain Mostrador can use to keep "
                                             "your access token safe.");
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::CouldNotDeleteEntry:
        result.status = SecretResult::Status::Refused;
        result.userMessage = SecretStore::tr("The keychain refused access. It may be locked: unlock it "
                                             "and try again.");
        break;
    }
    return result;
}

// Runs a job to completion or until the timeout, whichever comes first.
SecretResult runTimeBoxed(QKeychain::Job *job, std::chrono::milliseconds timeout)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    job->start();
    timer.start(timeout);
    if (!finished)
        loop.exec();

    if (!finished) {
        // The job may still finish later; let it delete itself then instead of leaking.
        QObject::connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
        qCWarning(lcSecrets) << "keychain did not answer within" << timeout.count() << "ms";
        SecretResult result;
        result.status = SecretResult::Status::TimedOut;
        result.userMessage = SecretStore::tr("The keychain did not answer. It may be waiting for you to "
                                             "unlock it in another window.");
        return result;
    }
    SecretResult result = resultOf(*job);
    if (auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(job); readJob && result.ok())
        result.value = readJob->textData();
    job->deleteLater();
    if (!result.ok())
        qCWarning(lcSecrets) << "keychain call failed:" << result.detail;
    return result;
}

} // namespace

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

SecretResult SecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    return runTimeBoxed(job, m_timeout);
}

SecretResult SecretStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    return runTimeBoxed(job, m_timeout);
}

SecretResult SecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    return runTimeBoxed(job, m_timeout);
}

} // namespace Mostrador
