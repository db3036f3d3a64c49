#include "productpicker.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

QIcon photoOf(const Product &product)
{
    QPixmap photo(product.imagePath);
    if (photo.isNull()) {
        QPixmap blank(48, 48);
        blank.fill(QColor(0xdd, 0xdd, 0xdd));
        return QIcon(blank);
    }
    return QIcon(photo.scaled(96, 96, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation));
}

} // namespace

ProductPicker::ProductPicker(Search search, bool metaCatalog, QWidget *parent)
    : QDialog(parent)
    , m_search(std::move(search))
    , m_metaCatalog(metaCatalog)
    , m_query(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_count(new QLabel(this))
    , m_words(new QLineEdit(this))
{
    setObjectName(QStringLiteral("productPicker"));
    setWindowTitle(tr("Send products"));
    m_query->setObjectName(QStringLiteral("productSearch"));
    m_query->setPlaceholderText(tr("Search: name, description or id (accents not needed)"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("productList"));
    m_list->setIconSize(QSize(48, 48));
    m_list->setSpacing(2);
    m_count->setObjectName(QStringLiteral("productCount"));
    m_words->setObjectName(QStringLiteral("productWords"));
    m_words->setPlaceholderText(tr("Optional: a few words with them"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("sendProducts"));
    m_send->setDefault(true);
    if (m_metaCatalog) {
        m_catalog = buttons->addButton(tr("Send the whole catalog"), QDialogButtonBox::ActionRole);
        m_catalog->setObjectName(QStringLiteral("sendCatalog"));
        connect(m_catalog, &QPushButton::clicked, this, [this] {
            m_wholeCatalog = true;
            accept();
        });
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *hint = new QLabel(m_metaCatalog ? tr("From the catalog on WhatsApp: the customer sees each product with its photo and price, "
                                               "and can add it to a cart.")
                                          : tr("From the shop's own list: each product goes as its photo with the name and price."),
                            this);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("productHint"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_words);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(460, 520);

    connect(m_query, &QLineEdit::textChanged, this, &ProductPicker::fill);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row < 0 || row >= m_shown.size())
            return;
        const Product &product = m_shown.at(row);
        if (item->checkState() == Qt::Checked && !m_chosen.contains(product.retailerId)) {
            m_chosen.insert(product.retailerId, product);
            m_chosenOrder << product.retailerId;
        } else if (item->checkState() != Qt::Checked && m_chosen.remove(product.retailerId)) {
            m_chosenOrder.removeAll(product.retailerId);
        }
        updateCount();
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        item->setCheckState(Qt::Checked);
        accept();
    });
    fill();
}

void ProductPicker::setSearchText(const QString &text)
{
    m_query->setText(text);
}

QList<Product> ProductPicker::chosen() const
{
    QList<Product> products;
    for (const QString &id : m_chosenOrder)
        products << m_chosen.value(id);
    // Nothing ticked but one found: that one.
    if (products.isEmpty() && m_list->currentRow() >= 0 && m_list->currentRow() < m_shown.size())
        products << m_shown.at(m_list->currentRow());
    return products;
}

QString ProductPicker::words() const
{
    return m_words->text().trimmed();
}

void ProductPicker::fill()
{
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    m_shown = m_search(m_query->text());
    for (const Product &product : std::as_const(m_shown)) {
        QString second = product.priceText();
        if (!product.inStock())
            second += (second.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("sold out");
        auto *item = new QListWidgetItem(photoOf(product), product.name + QLatin1Char('\n') + second, m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_chosen.contains(product.retailerId) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(product.description);
    }
    if (!m_shown.isEmpty())
        m_list->setCurrentRow(0);
    updateCount();
}

void ProductPicker::updateCount()
{
    const int count = int(m_chosen.size());
    if (m_shown.isEmpty())
        m_count->setText(m_query->text().isEmpty() ? tr("The catalog is empty: add products in Shop ▸ Catalog.")
                                                   : tr("No product matches “%1”.").arg(m_query->text()));
    else if (count > kMaxChosen)
        m_count->setText(tr("%1 chosen: WhatsApp shows at most %2 in one message.").arg(count).arg(kMaxChosen));
    else
        m_count->setText(count == 0 ? tr("Tick the products to send, or press Enter to send the highlighted one.")
                                    : tr("%n chosen (up to 30).", nullptr, count));
    m_send->setEnabled(count <= kMaxChosen && (count > 0 || !m_shown.isEmpty()));
}

bool ProductPicker::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down move through the list without leaving the search; Space ticks.
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) && m_list->count() > 0) {
            m_list->setCurrentRow(std::clamp(m_list->currentRow() + (key->key() == Qt::Key_Down ? 1 : -1), 0, m_list->count() - 1));
            return true;
        }
        if (key->key() == Qt::Key_Space && key->modifiers() & Qt::ControlModifier && m_list->currentItem()) {
            QListWidgetItem *item = m_list->currentItem();
            item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Mostrador
