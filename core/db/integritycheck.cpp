#include "integritycheck.h"

#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

namespace Mostrador {

IntegrityCheck::IntegrityCheck(StoreLocation location, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
{
}

void IntegrityCheck::start()
{
    StoreLocation location = m_location;
    location.readOnly = true;
    location.checkOnOpen = true;
    QPointer<IntegrityCheck> self(this);
    QThreadPool::globalInstance()->start([self, location] {
        StoreError error;
        const bool ok = Database::open(location, &error) != nullptr;
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, ok, error] {
            if (!self)
                return;
            if (ok)
                Q_EMIT self->passed();
            else
                Q_EMIT self->failed(error);
        }, Qt::QueuedConnection);
    });
}

} // namespace Mostrador
