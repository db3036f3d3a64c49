#pragma once

#include "messaging/commerce.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Mostrador {

// Shop ▸ Catalog: the products the shop sells, with photo, price and stock. A catalog on Meta
// (Commerce Manager) is read from there (Refresh) and changed there; a shop without one keeps
// its own list here: added and edited with photos, or brought in from a spreadsheet in Meta's
// feed columns and written back out to one.
class CatalogDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit CatalogDialog(QWidget *parent = nullptr);

    void setProducts(const QList<Product> &products);
    void setStatus(const QString &text);
    [[nodiscard]] std::optional<Product> current() const;

Q_SIGNALS:
    void refreshRequested();
    void importRequested();
    void exportRequested();
    // An empty product: a new one.
    void editRequested(const Mostrador::Product &product);
    void removeRequested(const Mostrador::Product &product);

private:
    void updateButtons();

    QList<Product> m_products;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace Mostrador
