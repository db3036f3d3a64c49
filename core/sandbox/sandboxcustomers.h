#pragma once

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

namespace Mostrador {

// The sandbox's pretend WhatsApp users: each with a phone number (or none), a business-scoped
// id, a username, and when they last wrote. Found as WhatsApp finds them: by the number in any of
// its forms (Mexico 52/521, Argentina 54/549, Brazil's ninth digit) or by the business-scoped id.
class SandboxCustomers
{
public:
    struct Customer {
        QString waId;      // WhatsApp's form; empty for a customer known only by userId
        QString name;
        QDateTime lastMessageAt; // their last message to the shop: the 24-hour window
        QString userId;
        QString username;
        bool blocked = false;
    };

    Customer &add(const Customer &customer);
    // By wa_id in any form, or business-scoped id; nullptr when nobody is known by it.
    [[nodiscard]] Customer *find(const QString &id);
    [[nodiscard]] const Customer *find(const QString &id) const;
    [[nodiscard]] QList<Customer> all() const { return m_customers; }

    [[nodiscard]] bool withinWindow(const QString &id, const QDateTime &now) const;

private:
    QList<Customer> m_customers;
};

} // namespace Mostrador
