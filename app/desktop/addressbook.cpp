#include "addressbook.h"

#include "import/contactbook.h"
#include "mainwindow/mainwindow.h"
#include "services/shopservices.h"
#include "workspace.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>

namespace Mostrador {

AddressBook::AddressBook(ShopServices &shop, MainWindow &window, Workspace &workspace, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
    , m_workspace(workspace)
{
    connect(&window, &MainWindow::importContactsRequested, this, [this] {
        importFiles(QFileDialog::getOpenFileNames(&m_window, tr("Contacts to import"),
                                                  QStandardPaths::writableLocation(QStandardPaths::DownloadLocation),
                                                  tr("Address books (*.vcf *.csv)")));
    });
    connect(&window, &MainWindow::exportContactsRequested, this, [this] {
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        exportTo(QFileDialog::getSaveFileName(&m_window, tr("Export contacts"), documents + tr("/customers.vcf"),
                                              tr("vCard, for phones and Google (*.vcf);;CSV, for spreadsheets (*.csv)")));
    });
}

void AddressBook::importFiles(const QStringList &files)
{
    if (files.isEmpty())
        return;
    ContactBook::Summary summary;
    QString error;
    if (!ContactBook::import(m_shop.database(), files, m_shop.region(), &summary, &error)) {
        QMessageBox::warning(&m_window, tr("Contacts not imported"), tr("Nothing was imported. %1").arg(error));
        return;
    }
    QString text = tr("%n contact(s) read: %1 new customers, %2 already known by their number.", nullptr, summary.read)
                       .arg(summary.added)
                       .arg(summary.merged);
    if (!summary.skipped.isEmpty())
        text += QLatin1Char('\n') + tr("Without a number WhatsApp can use: %1").arg(summary.skipped.size()) + QLatin1Char('\n')
            + summary.skipped.mid(0, 8).join(QLatin1Char('\n'));
    text += QLatin1Char('\n') + tr("Find them with File ▸ New conversation (Ctrl+N) by name or number.");
    QMessageBox::information(&m_window, tr("Contacts imported"), text);
    m_workspace.reloadConversations();
}

void AddressBook::exportTo(const QString &path)
{
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    QString error;
    int written = 0;
    const auto format = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? ContactBook::Format::Csv : ContactBook::Format::VCard;
    if (!file.open(QIODevice::WriteOnly) || !ContactBook::write(m_shop.database(), format, file, &written, &error) || !file.commit()) {
        QMessageBox::warning(&m_window, tr("Contacts not exported"),
                             tr("%1 could not be written: %2").arg(path, error.isEmpty() ? file.errorString() : error));
        return;
    }
    QMessageBox::information(&m_window, tr("Contacts exported"), tr("%n customer(s) written to %1.", nullptr, written).arg(path));
}

} // namespace Mostrador
