#pragma once

#include <QObject>

namespace Mostrador {

class MainWindow;
class ShopServices;
class Workspace;

// File ▸ Import contacts… (vCard or CSV from the phone, Google or Outlook) and Export contacts…
// (the customers as vCard or CSV): the files asked for, the work done, what happened said.
class AddressBook final : public QObject
{
    Q_OBJECT

public:
    AddressBook(ShopServices &shop, MainWindow &window, Workspace &workspace, QObject *parent = nullptr);

    void importFiles(const QStringList &files);
    void exportTo(const QString &path);

private:
    ShopServices &m_shop;
    MainWindow &m_window;
    Workspace &m_workspace;
};

} // namespace Mostrador
