#pragma once

#include "messaging/commerce.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Mostrador {

// One product of the shop's own list: name, id, description, price in the shop's currency
// (typed as people do: "45.000", "12,99"), whether it is in stock, and its photo.
class ProductDialog final : public QDialog
{
    Q_OBJECT

public:
    ProductDialog(const Product &product, const QString &defaultCurrency, QWidget *parent = nullptr);

    // The product as written; the photo's path is the file chosen (to be kept by the caller).
    [[nodiscard]] Product product() const;

private:
    void check();
    void showPhoto();

    Product m_product;
    QString m_photoPath;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_id = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLineEdit *m_price = nullptr;
    QLineEdit *m_currency = nullptr;
    QComboBox *m_availability = nullptr;
    QLabel *m_photo = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace Mostrador
