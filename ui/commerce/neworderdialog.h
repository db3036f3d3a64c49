#pragma once

#include "messaging/commerce.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Mostrador {

// An order written down by hand from a conversation ("two cushions and the lamp, please"):
// products found as the shop types, their quantities, and a note; the total as it adds up.
class NewOrderDialog final : public QDialog
{
    Q_OBJECT

public:
    using Search = std::function<QList<Product>(const QString &words)>;

    NewOrderDialog(Search search, const QString &customerName, QWidget *parent = nullptr);

    [[nodiscard]] QList<OrderLine> lines() const;
    [[nodiscard]] QString note() const;
    void addProduct(const Product &product, int quantity = 1);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void find();
    void updateTotal();

    Search m_search;
    QList<Product> m_found;
    QList<Product> m_chosen;
    QLineEdit *m_query = nullptr;
    QListWidget *m_results = nullptr;
    QTableWidget *m_lines = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_total = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace Mostrador
