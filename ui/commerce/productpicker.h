#pragma once

#include "messaging/commerce.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Mostrador {

// The Products button's window (and "#" in the text box): the shop's products found as it types
// — in any case, with or without accents — with photo, price and whether it is in stock; one or
// several ticked (up to 30) go to the customer, or the whole catalog when it is on Meta.
class ProductPicker final : public QDialog
{
    Q_OBJECT

public:
    using Search = std::function<QList<Product>(const QString &words)>;

    ProductPicker(Search search, bool metaCatalog, QWidget *parent = nullptr);

    void setSearchText(const QString &text);
    [[nodiscard]] QList<Product> chosen() const;
    [[nodiscard]] bool wholeCatalog() const { return m_wholeCatalog; }
    [[nodiscard]] QString words() const;

    static constexpr int kMaxChosen = 30;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fill();
    void updateCount();

    Search m_search;
    bool m_metaCatalog = false;
    bool m_wholeCatalog = false;
    QList<Product> m_shown;
    QHash<QString, Product> m_chosen; // by retailer id
    QList<QString> m_chosenOrder;
    QLineEdit *m_query = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_count = nullptr;
    QLineEdit *m_words = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_catalog = nullptr;
};

} // namespace Mostrador
