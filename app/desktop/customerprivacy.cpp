#include "customerprivacy.h"

#include "common/clock.h"
#include "privacy/customerexport.h"
#include "privacy/retention.h"
#include "services/conversationchanges.h"
#include "services/shopservices.h"
#include "privacy/customerrecordstore.h"

#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>

namespace Mostrador {

CustomerPrivacy::CustomerPrivacy(ShopServices &shop, QWidget &window, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
{
}

void CustomerPrivacy::exportData(qint64 customerId, const QString &name)
{
    const QString suggested = QDir::home().filePath(tr("%1 - data.zip").arg(name.isEmpty() ? tr("Customer") : name));
    const QString path = QFileDialog::getSaveFileName(&m_window, tr("Save %1's data").arg(name), suggested, tr("ZIP files (*.zip)"));
    if (path.isEmpty())
        return;
    const CustomerExport::Result result = CustomerExport::write(m_shop.database(), customerId, path);
    if (!result.ok) {
        Q_EMIT failed(result.error);
        return;
    }
    QMessageBox::information(&m_window, tr("Data saved"),
                             tr("%1 holds everything the shop keeps about %2: %n message(s) and their files. "
                                "Send it to them by a private channel.", nullptr, result.messages)
                                 .arg(QDir::toNativeSeparators(path), name));
}

void CustomerPrivacy::forget(qint64 customerId, const QString &name)
{
    const auto answer = QMessageBox::warning(
        &m_window, tr("Forget %1?").arg(name),
        tr("Every message, file, note and label of %1 is removed from this computer's store, and they no longer appear in the "
           "inbox or in search. This cannot be undone.\n\nBackups made before now still hold them until they are replaced by newer "
           "ones (the newest seven are kept). If they write again, they start as a new customer.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    StoreError error;
    const auto removed = CustomerRecordStore(m_shop.database()).forgetCustomer(customerId, &error);
    if (!removed) {
        Q_EMIT failed(error.userMessage.isEmpty() ? error.detail : error.userMessage);
        return;
    }
    Retention::removeFiles(removed->unusedMediaFiles);
    m_shop.changes().report({});
    Q_EMIT forgotten();
}

QString CustomerPrivacy::retentionNotice() const
{
    StoreError error;
    const auto notice = Retention(m_shop.database(), m_shop.clock()).upcoming(&error);
    if (!notice)
        return {};
    return tr("%n conversation(s) untouched for longer than the shop keeps them will be removed by %1. "
              "Export what you need to keep before then.", nullptr, notice->conversations)
        .arg(QLocale().toString(notice->by, QLocale::LongFormat));
}

} // namespace Mostrador
