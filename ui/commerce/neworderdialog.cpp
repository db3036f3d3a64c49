#include "neworderdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

enum Column { Name, Quantity, Price, ColumnCount };

} // namespace

NewOrderDialog::NewOrderDialog(Search search, const QString &customerName, QWidget *parent)
    : QDialog(parent)
    , m_search(std::move(search))
    , m_query(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_lines(new QTableWidget(0, ColumnCount, this))
    , m_note(new QLineEdit(this))
    , m_total(new QLabel(this))
{
    setObjectName(QStringLiteral("newOrderDialog"));
    setWindowTitle(tr("New order for %1").arg(customerName));
    m_query->setObjectName(QStringLiteral("newOrderSearch"));
    m_query->setPlaceholderText(tr("Find a product to add"));
    m_query->setClearButtonEnabled(true);
    m_results->setObjectName(QStringLiteral("newOrderResults"));
    m_results->setMaximumHeight(m_results->fontMetrics().height() * 6 + 12);
    m_lines->setObjectName(QStringLiteral("newOrderLines"));
    m_lines->setHorizontalHeaderLabels({tr("Product"), tr("Quantity"), tr("Unit price")});
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_note->setObjectName(QStringLiteral("newOrderNote"));
    m_note->setPlaceholderText(tr("Note (delivery, gift wrap…)"));
    m_total->setObjectName(QStringLiteral("newOrderTotal"));
    QFont strong = m_total->font();
    strong.setBold(true);
    m_total->setFont(strong);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Create order"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("createOrder"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_results);
    layout->addWidget(new QLabel(tr("Double-click a product (or press Enter) to add it."), this));
    layout->addWidget(m_lines, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_total, 0, Qt::AlignRight);
    layout->addWidget(buttons);
    resize(560, 520);

    connect(m_query, &QLineEdit::textChanged, this, &NewOrderDialog::find);
    // Enter in the search adds the product found; it does not create the order.
    m_query->installEventFilter(this);
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { addProduct(m_found.at(m_results->row(item))); });
    find();
    updateTotal();
}

bool NewOrderDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (m_results->count() > 0)
                addProduct(m_found.at(std::max(0, m_results->currentRow())));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void NewOrderDialog::find()
{
    m_results->clear();
    m_found = m_search(m_query->text());
    for (const Product &product : std::as_const(m_found))
        m_results->addItem(product.priceText().isEmpty() ? product.name : tr("%1 — %2").arg(product.name, product.priceText()));
    if (!m_found.isEmpty())
        m_results->setCurrentRow(0);
}

void NewOrderDialog::addProduct(const Product &product, int quantity)
{
    for (int row = 0; row < m_chosen.size(); ++row) {
        if (m_chosen.at(row).retailerId == product.retailerId) {
            auto *spin = static_cast<QSpinBox *>(m_lines->cellWidget(row, Quantity));
            spin->setValue(spin->value() + quantity);
            return;
        }
    }
    m_chosen << product;
    const int row = m_lines->rowCount();
    m_lines->insertRow(row);
    m_lines->setItem(row, Name, new QTableWidgetItem(product.name));
    auto *spin = new QSpinBox(m_lines);
    spin->setRange(0, 999);
    spin->setValue(quantity);
    spin->setObjectName(QStringLiteral("quantity%1").arg(row));
    connect(spin, &QSpinBox::valueChanged, this, &NewOrderDialog::updateTotal);
    m_lines->setCellWidget(row, Quantity, spin);
    auto *price = new QTableWidgetItem(product.priceText());
    price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_lines->setItem(row, Price, price);
    m_lines->resizeColumnToContents(Price);
    updateTotal();
}

QList<OrderLine> NewOrderDialog::lines() const
{
    QList<OrderLine> lines;
    for (int row = 0; row < m_chosen.size(); ++row) {
        const int quantity = static_cast<QSpinBox *>(m_lines->cellWidget(row, Quantity))->value();
        if (quantity <= 0)
            continue;
        const Product &product = m_chosen.at(row);
        OrderLine line;
        line.retailerId = product.retailerId;
        line.name = product.name;
        line.imagePath = product.imagePath;
        line.quantity = quantity;
        line.unitCents = product.priceCents.value_or(0);
        line.currency = product.currency;
        lines << line;
    }
    return lines;
}

QString NewOrderDialog::note() const
{
    return m_note->text().trimmed();
}

void NewOrderDialog::updateTotal()
{
    QMap<QString, qint64> totals;
    for (const OrderLine &line : lines())
        totals[line.currency] += line.lineCents();
    QStringList amounts;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        amounts << Money::format(it.value(), it.key());
    m_total->setText(tr("Total: %1").arg(amounts.isEmpty() ? QStringLiteral("—") : amounts.join(QStringLiteral(" + "))));
    m_ok->setEnabled(!amounts.isEmpty());
}

} // namespace Mostrador
