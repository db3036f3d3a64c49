#include "sandboxcustomers.h"

#include "messaging/waid.h"

namespace Mostrador {

SandboxCustomers::Customer &SandboxCustomers::add(const Customer &customer)
{
    if (Customer *known = find(customer.waId.isEmpty() ? customer.userId : customer.waId)) {
        *known = customer;
        return *known;
    }
    m_customers.append(customer);
    return m_customers.last();
}

SandboxCustomers::Customer *SandboxCustomers::find(const QString &id)
{
    return const_cast<Customer *>(std::as_const(*this).find(id));
}

const SandboxCustomers::Customer *SandboxCustomers::find(const QString &id) const
{
    if (id.isEmpty())
        return nullptr;
    for (const Customer &customer : m_customers) {
        if (customer.userId == id || WaId::same(customer.waId, id))
            return &customer;
    }
    return nullptr;
}

bool SandboxCustomers::withinWindow(const QString &id, const QDateTime &now) const
{
    const Customer *customer = find(id);
    return customer && customer->lastMessageAt.isValid() && customer->lastMessageAt.secsTo(now) < 24 * 3600;
}

} // namespace Mostrador
