#include "shoporders.h"

#include "windowfit.h"
#include "workspace.h"
#include "automation/customerlanguage.h"
#include "commerce/catalogfeed.h"
#include "commerce/catalogsync.h"
#include "commerce/orderexport.h"
#include "commerce/productsend.h"
#include "common/contentfiles.h"
#include "composer/composer.h"
#include "commerce/productpicker.h"
#include "commerce/customerorders.h"
#include "customer/customerpane.h"
#include "commerce/catalogdialog.h"
#include "commerce/neworderdialog.h"
#include "commerce/ordersdialog.h"
#include "commerce/productdialog.h"
#include "mainwindow/mainwindow.h"
#include "media/mediadownloader.h"
#include "outbox/messagesender.h"
#include "services/conversationchanges.h"
#include "services/shopservices.h"
#include "commerce/catalogstore.h"
#include "commerce/orderstore.h"
#include "automation/quickreplystore.h"
#include "inbox/shopeditstore.h"
#include "thread/threadpane.h"
#include "window/windowtracker.h"

#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QShortcut>

namespace Mostrador {

ShopOrders::ShopOrders(ShopServices &shop, MainWindow &window, Workspace &workspace, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
    , m_workspace(workspace)
    , m_customerOrders(new CustomerOrders)
{
    workspace.customerPane().addSection(m_customerOrders);
    showCustomerOrders(0);
    connect(&window, &MainWindow::ordersRequested, this, &ShopOrders::showOrders);
    connect(&window, &MainWindow::catalogRequested, this, &ShopOrders::showCatalog);
    connect(&workspace.threadPane(), &ThreadPane::orderClicked, this, &ShopOrders::showOrderMenu);
    connect(workspace.threadPane().composer(), &Composer::productsRequested, this, &ShopOrders::pickProducts);
    connect(&workspace, &Workspace::conversationOpened, this, &ShopOrders::showCustomerOrders);
    connect(&shop.changes(), &ConversationChanges::changed, this, [this](const QSet<qint64> &ids) {
        const qint64 current = m_workspace.threadPane().conversation();
        if (current && (ids.isEmpty() || ids.contains(current)))
            showCustomerOrders(current);
        if (m_orders)
            m_orders->reload();
    });
    connect(m_customerOrders, &CustomerOrders::orderActivated, this, &ShopOrders::openOrder);
    connect(m_customerOrders, &CustomerOrders::orderMenuRequested, this, &ShopOrders::showOrderMenu);
    // A stage's label put on by hand moves the order: the card and the panel follow.
    connect(&workspace.customerPane(), &CustomerPane::labelsChanged, this, [this](qint64 conversationId) {
        m_shop.changes().report({conversationId});
    });
    connect(m_customerOrders, &CustomerOrders::newOrderRequested, this, &ShopOrders::newOrder);
    connect(&shop.catalog(), &CatalogSync::finished, this, [this](int products, const QString &problem) {
        if (!m_catalog)
            return;
        reloadCatalog();
        m_catalog->setStatus(problem.isEmpty() ? tr("%n product(s) read from the catalog on WhatsApp.", nullptr, products) : problem);
    });
    // The order of the conversation on screen, from the keyboard: its menu, then 1–6 for a stage.
    auto *keys = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), &window);
    connect(keys, &QShortcut::activated, this, [this] {
        StoreError error;
        ThreadPane &thread = m_workspace.threadPane();
        if (const auto order = OrderStore(m_shop.database()).currentOrder(thread.conversation(), &error))
            showOrderMenu(order->id, thread.mapToGlobal(thread.rect().center()));
        else if (thread.conversation())
            say(tr("This conversation has no order yet: a cart the customer sends becomes one, or write one with New order… in the "
                   "customer's panel."));
    });
}

ShopOrders::~ShopOrders() = default;

QDialog *ShopOrders::show(const QString &name)
{
    if (name == QLatin1String("orders"))
        return showOrders();
    if (name == QLatin1String("catalog"))
        return showCatalog();
    if (name == QLatin1String("products"))
        return pickProducts();
    if (name == QLatin1String("new-order"))
        return newOrder();
    return nullptr;
}

void ShopOrders::say(const QString &problem)
{
    QMessageBox::information(&m_window, tr("Orders"), problem);
}

QList<Product> ShopOrders::search(const QString &words)
{
    StoreError error;
    return CatalogStore(m_shop.database()).search(words, 200, &error);
}

void ShopOrders::showCustomerOrders(qint64 conversationId)
{
    StoreError error;
    m_customerOrders->setEnabled(conversationId != 0);
    m_customerOrders->setOrders(conversationId ? OrderStore(m_shop.database()).ordersOfCustomerIn(conversationId, &error) : QList<Order>());
}

void ShopOrders::showOrderMenu(qint64 orderId, const QPoint &where)
{
    StoreError error;
    const std::optional<Order> order = OrderStore(m_shop.database()).order(orderId, &error);
    if (!order)
        return;
    QMenu menu(&m_window);
    menu.setObjectName(QStringLiteral("orderMenu"));
    menu.addSection(tr("%1 · %2").arg(order->number(), Money::format(order->totalCents, order->currency)));
    for (int stage = 0; stage < kOrderStageCount; ++stage) {
        QAction *action = menu.addAction(QStringLiteral("&%1  %2").arg(stage + 1).arg(orderStageText(OrderStage(stage))), this,
                                         [this, order, stage] { setStage(*order, OrderStage(stage)); });
        action->setObjectName(QStringLiteral("stage_%1").arg(orderStageName(OrderStage(stage))));
        action->setCheckable(true);
        action->setChecked(order->stage == OrderStage(stage));
    }
    menu.addSeparator();
    menu.addAction(tr("Send payment details"), this, [this, order] { sendPaymentDetails(*order); })->setObjectName(QStringLiteral("sendPaymentDetails"));
    menu.addAction(tr("Mark as paid"), this, [this, order] { setStage(*order, OrderStage::Paid); })->setObjectName(QStringLiteral("markPaid"));
    menu.addAction(tr("Mark as shipped…"), this, [this, order] { ship(*order); })->setObjectName(QStringLiteral("markShipped"));
    menu.addSeparator();
    menu.addAction(tr("All orders…"), this, &ShopOrders::showOrders);
    menu.exec(where);
}

void ShopOrders::setStage(const Order &order, OrderStage stage, const QString &tracking)
{
    if (StoreError error = OrderStore(m_shop.database()).setStage(order.id, stage, QDateTime::currentDateTimeUtc(), tracking); error.isError()) {
        say(tr("The order's stage could not be saved: %1").arg(error.userMessage));
        return;
    }
    m_shop.changes().report({order.conversationId});
}

void ShopOrders::sendPaymentDetails(const Order &order)
{
    openOrder(order);
    if (m_shop.windows().window(order.conversationId).state == ServiceWindow::State::Closed) {
        say(tr("The customer last wrote more than 24 hours ago, so WhatsApp only lets a template through: send the payment "
               "reminder template from the box below."));
        return;
    }
    StoreError error;
    const QList<QuickReply> replies = QuickReplyStore(m_shop.database()).all(&error);
    for (const char *shortcut : kPaymentShortcuts) {
        for (const QuickReply &reply : replies) {
            if (reply.shortcut.compare(QLatin1String(shortcut), Qt::CaseInsensitive) == 0) {
                m_workspace.threadPane().composer()->insertQuickReply(reply);
                if (order.stage == OrderStage::New)
                    setStage(order, OrderStage::PendingPayment);
                return;
            }
        }
    }
    say(tr("Write your payment details once as a quick reply with the shortcut /pago (Shop ▸ Quick replies): the bank account, "
           "the Nequi, Bizum or MercadoPago link, a QR image. This button then puts it in the message box."));
}

void ShopOrders::ship(const Order &order)
{
    bool ok = false;
    const QString tracking = QInputDialog::getText(&m_window, tr("Mark as shipped"),
                                                   tr("Tracking number (leave empty if there is none):"), QLineEdit::Normal,
                                                   order.tracking, &ok)
                                 .trimmed();
    if (!ok)
        return;
    setStage(order, OrderStage::Shipped, tracking);
    openOrder(order);
    // The customer's language, from what they wrote; the words are theirs, not the window's.
    const bool english = CustomerLanguage::guess({order.note}, order.customerWaId) == QLatin1String("en");
    const QString name = order.customerName.section(QLatin1Char(' '), 0, 0);
    const QString number = QStringLiteral("#%1").arg(order.id);
    if (m_shop.windows().window(order.conversationId).state != ServiceWindow::State::Closed) {
        QString text = english ? QStringLiteral("Hi %1! Your order %2 is on its way.").arg(name, number)
                               : QStringLiteral("¡Hola %1! Tu pedido %2 va en camino.").arg(name, number);
        if (!tracking.isEmpty())
            text += english ? QStringLiteral(" Tracking number: %1").arg(tracking) : QStringLiteral(" Número de guía: %1").arg(tracking);
        m_workspace.threadPane().composer()->setText(text);
        return;
    }
    const QString language = english ? QStringLiteral("en") : QStringLiteral("es");
    const QString shown = (english ? QStringLiteral("Hi %1, your order %2 is on its way. Tracking number: %3.")
                                   : QStringLiteral("Hola %1, tu pedido %2 va en camino. Número de guía: %3."))
                              .arg(name, number, tracking.isEmpty() ? QStringLiteral("—") : tracking);
    const MessageSender::Result sent = m_shop.sender().sendTemplate(
        order.conversationId, QLatin1String(kShippedTemplate), language,
        {name, number, tracking.isEmpty() ? QStringLiteral("—") : tracking}, shown);
    if (!sent.isStoredOrKept())
        say(tr("The “shipped” message could not be sent: %1").arg(sent.error.userMessage));
}

void ShopOrders::openOrder(const Order &order)
{
    m_workspace.bringToFront(order.conversationId);
    if (order.messageId > 0)
        m_workspace.threadPane().showMessage(order.messageId);
}

QDialog *ShopOrders::pickProducts(const QString &words)
{
    const qint64 conversation = m_workspace.threadPane().conversation();
    StoreError error;
    const bool meta = !CatalogStore(m_shop.database()).metaCatalogId(&error).isEmpty();
    auto *picker = new ProductPicker([this](const QString &typed) { return search(typed); }, meta, &m_window);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setSearchText(words);
    fitToScreen(picker, m_window);
    connect(picker, &QDialog::accepted, this, [this, picker, conversation] {
        if (!conversation)
            return;
        QString problem;
        if (picker->wholeCatalog()) {
            StoreError storeError;
            const QList<Product> all = CatalogStore(m_shop.database()).products(&storeError, QStringLiteral("meta"));
            problem = ProductSend::sendCatalog(m_shop.sender(), conversation, all.isEmpty() ? QString() : all.first().catalogId,
                                               all.isEmpty() ? QString() : all.first().retailerId, picker->words());
        } else {
            problem = ProductSend::send(m_shop.sender(), conversation, picker->chosen(), picker->words());
        }
        if (!problem.isEmpty())
            say(problem);
        m_shop.changes().report({conversation});
    });
    picker->open();
    return picker;
}

QDialog *ShopOrders::newOrder()
{
    const qint64 conversation = m_workspace.threadPane().conversation();
    if (!conversation)
        return nullptr;
    StoreError error;
    const std::optional<CustomerDetails> customer = ShopEditStore(m_shop.database(), m_shop.clock()).customerOf(conversation, &error);
    auto *dialog = new NewOrderDialog([this](const QString &typed) { return search(typed); },
                                      customer ? (customer->displayName.isEmpty() ? customer->profileName : customer->displayName) : QString(),
                                      &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    fitToScreen(dialog, m_window);
    connect(dialog, &QDialog::accepted, this, [this, dialog, conversation] {
        StoreError storeError;
        if (!OrderStore(m_shop.database()).addByHand(conversation, dialog->lines(), dialog->note(), QDateTime::currentDateTimeUtc(), &storeError)) {
            say(tr("The order could not be saved: %1").arg(storeError.userMessage));
            return;
        }
        m_shop.changes().report({conversation});
    });
    dialog->open();
    return dialog;
}

QDialog *ShopOrders::showOrders()
{
    if (!m_orders) {
        m_orders = new OrdersDialog(
            [this](const OrderFilter &filter) {
                StoreError error;
                return OrderStore(m_shop.database()).orders(filter, &error);
            },
            &m_window);
        m_orders->setAttribute(Qt::WA_DeleteOnClose);
        fitToScreen(m_orders, m_window);
        connect(m_orders, &OrdersDialog::orderActivated, this, &ShopOrders::openOrder);
        connect(m_orders, &OrdersDialog::exportRequested, this, &ShopOrders::exportOrders);
        connect(m_orders, &OrdersDialog::stageChosen, this, [this](qint64 id, OrderStage stage) {
            StoreError error;
            if (const auto order = OrderStore(m_shop.database()).order(id, &error))
                setStage(*order, stage);
        });
    }
    m_orders->show();
    m_orders->raise();
    return m_orders;
}

void ShopOrders::exportOrders(const QList<Order> &orders)
{
    const QString path = QFileDialog::getSaveFileName(m_orders ? static_cast<QWidget *>(m_orders) : &m_window, tr("Export orders"),
                                                      tr("orders.csv"), tr("Spreadsheet (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    QString problem;
    if (!file.open(QIODevice::WriteOnly) || !OrderExport::write(orders, OrderExport::Format::Csv, file, &problem) || !file.commit())
        say(tr("The orders could not be written to %1: %2").arg(path, problem.isEmpty() ? file.errorString() : problem));
}

QDialog *ShopOrders::showCatalog()
{
    if (!m_catalog) {
        m_catalog = new CatalogDialog(&m_window);
        m_catalog->setAttribute(Qt::WA_DeleteOnClose);
        fitToScreen(m_catalog, m_window);
        connect(m_catalog, &CatalogDialog::refreshRequested, this, [this] {
            m_catalog->setStatus(tr("Reading the catalog from WhatsApp…"));
            m_shop.catalog().refresh();
        });
        connect(m_catalog, &CatalogDialog::importRequested, this, &ShopOrders::importCatalog);
        connect(m_catalog, &CatalogDialog::exportRequested, this, &ShopOrders::exportCatalog);
        connect(m_catalog, &CatalogDialog::editRequested, this, &ShopOrders::editProduct);
        connect(m_catalog, &CatalogDialog::removeRequested, this, [this](const Product &product) {
            if (QMessageBox::question(m_catalog, tr("Remove product"), tr("Remove “%1” from the shop's list? Orders that have it keep it.")
                                                                           .arg(product.name)) != QMessageBox::Yes)
                return;
            if (StoreError error = CatalogStore(m_shop.database()).remove(product.id); error.isError())
                m_catalog->setStatus(error.userMessage);
            reloadCatalog();
        });
    }
    reloadCatalog();
    m_catalog->show();
    m_catalog->raise();
    return m_catalog;
}

void ShopOrders::reloadCatalog()
{
    StoreError error;
    m_catalog->setProducts(CatalogStore(m_shop.database()).products(&error));
    if (error.isError())
        m_catalog->setStatus(error.userMessage);
}

void ShopOrders::importCatalog()
{
    const QString path = QFileDialog::getOpenFileName(m_catalog, tr("Import products"), {}, tr("Spreadsheet (*.csv *.txt)"));
    if (path.isEmpty())
        return;
    const bool decimalComma = QLocale().decimalPoint() == QLatin1String(",");
    const CatalogFeed::Read read = CatalogFeed::read(path, decimalComma, CatalogFeed::currencyOf(m_shop.region()), m_shop.media().folder());
    if (!read.problem.isEmpty()) {
        m_catalog->setStatus(read.problem);
        return;
    }
    CatalogStore catalog(m_shop.database());
    StoreError error;
    int saved = 0;
    for (const Product &product : read.products) {
        if (catalog.saveLocal(product, QDateTime::currentDateTimeUtc(), &error))
            ++saved;
    }
    QStringList notRead;
    for (const CatalogFeed::RowNotRead &row : read.rowsNotRead)
        notRead << tr("line %1: %2").arg(row.line).arg(row.reason);
    QString status = tr("%n product(s) imported.", nullptr, saved);
    if (!notRead.isEmpty())
        status += QLatin1Char(' ') + tr("Rows not read — %1.").arg(notRead.join(QStringLiteral("; ")));
    if (error.isError())
        status += QLatin1Char(' ') + error.userMessage;
    m_catalog->setStatus(status);
    reloadCatalog();
}

void ShopOrders::exportCatalog()
{
    const QString path = QFileDialog::getSaveFileName(m_catalog, tr("Export products"), tr("catalog.csv"), tr("Spreadsheet (*.csv)"));
    if (path.isEmpty())
        return;
    StoreError error;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(CatalogFeed::write(CatalogStore(m_shop.database()).products(&error))) < 0 || !file.commit())
        m_catalog->setStatus(tr("The products could not be written to %1: %2").arg(path, file.errorString()));
    else
        m_catalog->setStatus(tr("Written to %1, in the columns of Meta's catalog feed.").arg(path));
}

void ShopOrders::editProduct(const Product &product)
{
    ProductDialog dialog(product, CatalogFeed::currencyOf(m_shop.region()), m_catalog);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Product edited = dialog.product();
    if (edited.retailerId.isEmpty())
        edited.retailerId = CatalogFeed::idFromName(edited.name);
    // A photo chosen on disk is kept with the shop's files, by what it holds.
    if (!edited.imagePath.isEmpty() && edited.imageSha256.isEmpty()) {
        QFile photo(edited.imagePath);
        if (photo.open(QIODevice::ReadOnly)) {
            const ContentFiles::Kept kept = ContentFiles::keep(m_shop.media().folder(), photo.readAll(),
                                                               QMimeDatabase().mimeTypeForFile(edited.imagePath).name());
            edited.imagePath = kept.path;
            edited.imageSha256 = kept.sha256;
        }
    }
    StoreError error;
    if (!CatalogStore(m_shop.database()).saveLocal(edited, QDateTime::currentDateTimeUtc(), &error))
        m_catalog->setStatus(tr("The product could not be saved: %1").arg(error.userMessage));
    reloadCatalog();
}

} // namespace Mostrador
