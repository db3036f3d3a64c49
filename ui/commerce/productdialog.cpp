#include "productdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

ProductDialog::ProductDialog(const Product &product, const QString &defaultCurrency, QWidget *parent)
    : QDialog(parent)
    , m_product(product)
    , m_photoPath(product.imagePath)
    , m_name(new QLineEdit(product.name, this))
    , m_id(new QLineEdit(product.retailerId, this))
    , m_description(new QPlainTextEdit(product.description, this))
    , m_price(new QLineEdit(this))
    , m_currency(new QLineEdit(product.currency.isEmpty() ? defaultCurrency : product.currency, this))
    , m_availability(new QComboBox(this))
    , m_photo(new QLabel(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("productDialog"));
    setWindowTitle(product.retailerId.isEmpty() ? tr("New product") : tr("Product"));
    m_name->setObjectName(QStringLiteral("productName"));
    m_id->setObjectName(QStringLiteral("productId"));
    m_id->setPlaceholderText(tr("Made from the name if left empty"));
    m_id->setReadOnly(!product.retailerId.isEmpty()); // carts and orders name it by this id
    m_description->setObjectName(QStringLiteral("productDescription"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    m_price->setObjectName(QStringLiteral("productPrice"));
    if (product.priceCents)
        m_price->setText(QLocale().toString(double(*product.priceCents) / 100.0, 'f', Money::decimalsShown(m_currency->text())));
    m_price->setPlaceholderText(QLocale().toString(45000.0, 'f', 0));
    m_currency->setObjectName(QStringLiteral("productCurrency"));
    m_currency->setMaxLength(3);
    m_currency->setFixedWidth(m_currency->fontMetrics().horizontalAdvance(QStringLiteral("MMMM")) + 12);
    m_availability->setObjectName(QStringLiteral("productAvailability"));
    m_availability->addItem(tr("In stock"), QStringLiteral("in stock"));
    m_availability->addItem(tr("Sold out"), QStringLiteral("out of stock"));
    m_availability->addItem(tr("On order"), QStringLiteral("available for order"));
    m_availability->setCurrentIndex(std::max(0, m_availability->findData(product.availability)));
    m_photo->setObjectName(QStringLiteral("productPhoto"));
    m_photo->setFixedSize(160, 120);
    m_photo->setAlignment(Qt::AlignCenter);
    m_photo->setFrameShape(QFrame::StyledPanel);
    m_problem->setObjectName(QStringLiteral("productProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c02f2f"));
    m_problem->setWordWrap(true);

    auto *choosePhoto = new QPushButton(tr("Choose photo…"), this);
    choosePhoto->setObjectName(QStringLiteral("chooseProductPhoto"));
    connect(choosePhoto, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("The product's photo"), {}, tr("Photos (*.jpg *.jpeg *.png *.webp)"));
        if (!path.isEmpty()) {
            m_photoPath = path;
            showPhoto();
        }
    });
    auto *price = new QHBoxLayout;
    price->addWidget(m_price, 1);
    price->addWidget(m_currency);
    auto *photo = new QVBoxLayout;
    photo->addWidget(m_photo);
    photo->addWidget(choosePhoto);
    photo->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("Price:"), price);
    form->addRow(tr("Stock:"), m_availability);
    auto *columns = new QHBoxLayout;
    columns->addLayout(form, 1);
    columns->addLayout(photo);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    for (QLineEdit *edit : {m_name, m_price, m_currency})
        connect(edit, &QLineEdit::textChanged, this, &ProductDialog::check);
    showPhoto();
    check();
}

void ProductDialog::showPhoto()
{
    const QPixmap photo(m_photoPath);
    if (photo.isNull())
        m_photo->setText(tr("No photo"));
    else
        m_photo->setPixmap(photo.scaled(m_photo->size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void ProductDialog::check()
{
    QString problem;
    const bool decimalComma = QLocale().decimalPoint() == QLatin1String(",");
    if (m_name->text().trimmed().isEmpty())
        problem = tr("Write the product's name.");
    else if (!m_price->text().trimmed().isEmpty() && !Money::parse(m_price->text(), decimalComma, m_currency->text()))
        problem = tr("“%1” is not a price: write it as the customer reads it, e.g. 45.000 or 12,99.").arg(m_price->text());
    else if (m_currency->text().trimmed().size() != 3)
        problem = tr("The currency is its three letters: COP, EUR, MXN, USD…");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(problem.isEmpty());
}

Product ProductDialog::product() const
{
    Product product = m_product;
    product.source = QStringLiteral("local");
    product.name = m_name->text().trimmed();
    product.retailerId = m_id->text().trimmed();
    product.description = m_description->toPlainText().trimmed();
    product.currency = m_currency->text().trimmed().toUpper();
    product.priceCents = Money::parse(m_price->text(), QLocale().decimalPoint() == QLatin1String(","), product.currency);
    product.availability = m_availability->currentData().toString();
    if (m_photoPath != m_product.imagePath) {
        product.imagePath = m_photoPath;
        product.imageSha256.clear();
    }
    return product;
}

} // namespace Mostrador
