#pragma once

#include "db/database.h"

#include <QObject>

namespace Mostrador {

// Runs SQLite's quick_check on its own connection in a worker thread and reports back in the
// caller's thread: a store of years takes most of a second to check, and the window should not
// wait for it. A damaged store is then said plainly, with what to do.
class IntegrityCheck final : public QObject
{
    Q_OBJECT

public:
    explicit IntegrityCheck(StoreLocation location, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void passed();
    void failed(const Mostrador::StoreError &error);

private:
    StoreLocation m_location;
};

} // namespace Mostrador
