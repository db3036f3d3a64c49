#pragma once

#include <QObject>

class QWidget;

namespace Mostrador {

class ShopServices;

// What a customer may ask of the shop, from the customer pane: a copy of everything kept about
// them (a ZIP), or that none of it be kept. And, when the shop keeps conversations for a limited
// time, the notice a week before some go.
class CustomerPrivacy final : public QObject
{
    Q_OBJECT

public:
    CustomerPrivacy(ShopServices &shop, QWidget &window, QObject *parent = nullptr);

    void exportData(qint64 customerId, const QString &name);
    void forget(qint64 customerId, const QString &name);
    // A sentence when conversations will go within the week; empty otherwise.
    [[nodiscard]] QString retentionNotice() const;

Q_SIGNALS:
    void forgotten();
    void failed(const QString &reason);

private:
    ShopServices &m_shop;
    QWidget &m_window;
};

} // namespace Mostrador
