#pragma once

#include <QObject>

class QSocketNotifier;

namespace Mostrador {

// Turns SIGTERM and SIGINT into a Qt signal, delivered in the event loop (not in the signal
// handler), so the service can finish what it is doing before it exits.
class UnixSignals final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Mostrador
