#include "catalogdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

enum Column { Name, Id, Price, Stock, Source, ColumnCount };

} // namespace

CatalogDialog::CatalogDialog(QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("catalogDialog"));
    setWindowTitle(tr("Catalog"));
    m_table->setObjectName(QStringLiteral("catalogTable"));
    m_table->setHorizontalHeaderLabels({tr("Product"), tr("Id"), tr("Price"), tr("Stock"), tr("Where it lives")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setIconSize(QSize(40, 40));
    m_table->verticalHeader()->setDefaultSectionSize(46);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_status->setObjectName(QStringLiteral("catalogStatus"));
    m_status->setWordWrap(true);

    auto *refresh = new QPushButton(tr("Read from WhatsApp"), this);
    refresh->setObjectName(QStringLiteral("refreshCatalog"));
    refresh->setToolTip(tr("Reads the catalog connected to the number in Meta's Commerce Manager (also done once a day)"));
    auto *import = new QPushButton(tr("Import spreadsheet…"), this);
    import->setObjectName(QStringLiteral("importCatalog"));
    auto *exportButton = new QPushButton(tr("Export spreadsheet…"), this);
    exportButton->setObjectName(QStringLiteral("exportCatalog"));
    auto *add = new QPushButton(tr("Add…"), this);
    add->setObjectName(QStringLiteral("addProduct"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editProduct"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeProduct"));

    auto *actions = new QHBoxLayout;
    actions->addWidget(add);
    actions->addWidget(m_edit);
    actions->addWidget(m_remove);
    actions->addStretch(1);
    actions->addWidget(import);
    actions->addWidget(exportButton);
    actions->addWidget(refresh);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(actions);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(820, 540);

    connect(refresh, &QPushButton::clicked, this, &CatalogDialog::refreshRequested);
    connect(import, &QPushButton::clicked, this, &CatalogDialog::importRequested);
    connect(exportButton, &QPushButton::clicked, this, &CatalogDialog::exportRequested);
    connect(add, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(Product{}); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const auto product = current())
            Q_EMIT editRequested(*product);
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, m_edit, &QPushButton::click);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const auto product = current())
            Q_EMIT removeRequested(*product);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CatalogDialog::updateButtons);
    updateButtons();
}

void CatalogDialog::setProducts(const QList<Product> &products)
{
    m_products = products;
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(int(products.size()));
    for (int row = 0; row < products.size(); ++row) {
        const Product &product = products.at(row);
        QPixmap photo(product.imagePath);
        auto *name = new QTableWidgetItem(product.name);
        if (!photo.isNull())
            name->setIcon(QIcon(photo.scaled(80, 80, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation)));
        name->setToolTip(product.description);
        m_table->setItem(row, Name, name);
        m_table->setItem(row, Id, new QTableWidgetItem(product.retailerId));
        auto *price = new QTableWidgetItem(product.priceText());
        price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, Price, price);
        m_table->setItem(row, Stock, new QTableWidgetItem(product.inStock() ? tr("In stock") : tr("Sold out")));
        m_table->setItem(row, Source, new QTableWidgetItem(product.isMeta() ? tr("WhatsApp catalog") : tr("Shop's list")));
    }
    m_table->resizeColumnToContents(Id);
    m_table->resizeColumnToContents(Price);
    m_table->resizeColumnToContents(Stock);
    m_table->resizeColumnToContents(Source);
    updateButtons();
}

void CatalogDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

std::optional<Product> CatalogDialog::current() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_products.size() || m_table->selectedItems().isEmpty())
        return std::nullopt;
    return m_products.at(row);
}

void CatalogDialog::updateButtons()
{
    const auto product = current();
    // Meta's products are changed in Commerce Manager, and come back here when read again.
    const bool editable = product && !product->isMeta();
    m_edit->setEnabled(editable);
    m_remove->setEnabled(editable);
    const QString why = product && product->isMeta() ? tr("This product is in the catalog on WhatsApp: change it in Meta's Commerce Manager.")
                                                      : QString();
    m_edit->setToolTip(why);
    m_remove->setToolTip(why);
}

} // namespace Mostrador
