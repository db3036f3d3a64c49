#pragma once

#include <QObject>
#include <QString>

#include <chrono>

namespace Mostrador {

// The outcome of one keychain call, in words a shop owner can act on.
struct SecretResult {
    enum class Status {
        Ok,
        NotFound,     // nothing stored under that name
        Unavailable,  // no keychain service on this machine or session
        Refused,      // the keychain said no (locked, access denied)
        TimedOut,     // the keychain did not answer in time (often a hidden unlock prompt)
    };

    Status status = Status::Ok;
    QString value;        // the secret, for reads
    QString userMessage;  // translated, for the UI
    QString detail;       // QtKeychain's own text, for the log

    [[nodiscard]] bool ok() const { return status == Status::Ok; }
};

// Access tokens and app secrets live in the operating system's keychain, through QtKeychain.
// Every call is time-boxed: a locked keyring with a display may show an unlock prompt that
// nobody answers, and the caller must get an answer it can explain and fall back from.
class SecretStore final : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(QString service, QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    [[nodiscard]] SecretResult read(const QString &key);
    [[nodiscard]] SecretResult write(const QString &key, const QString &secret);
    [[nodiscard]] SecretResult remove(const QString &key);

private:
    QString m_service;
    std::chrono::milliseconds m_timeout{std::chrono::seconds(10)};
};

} // namespace Mostrador
