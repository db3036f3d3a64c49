#pragma once

#include "import/chatimport.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

namespace Mostrador {

class ImportChatsDialog;
class MainWindow;
class ShopServices;
class Workspace;

// File ▸ Import chats… and chats dropped on the window: the dialog, and the import on a thread
// of its own with its own connection to the store, so the inbox keeps answering; the list
// shows the imported conversations when it ends.
class ChatImports final : public QObject
{
    Q_OBJECT

public:
    ChatImports(ShopServices &shop, MainWindow &window, Workspace &workspace, QObject *parent = nullptr);
    ~ChatImports() override;

    ImportChatsDialog *show(const QStringList &files = {});
    void setShopName(const QString &name) { m_shopName = name; }
    // The demo's example export, offered when the dialog opens empty.
    void setSample(const QString &file) { m_sample = file; }

    struct Outcome {
        bool succeeded = false;
        ChatImport::Summary summary;
        QString problem;
    };

private:
    void chooseFiles();
    void addFiles(const QStringList &files);
    void start();
    void finished();
    void undoLast();
    [[nodiscard]] QString describe(const ChatImport::Summary &summary) const;

    ShopServices &m_shop;
    MainWindow &m_window;
    Workspace &m_workspace;
    QString m_shopName;
    QString m_sample;
    QPointer<ImportChatsDialog> m_dialog;
    QFutureWatcher<Outcome> m_run;
    std::shared_ptr<std::atomic_bool> m_cancel;
    qint64 m_lastImport = 0; // what the summary's Undo import takes out
    QHash<QString, ChatExportReader::DateOrder> m_swappedOrders; // by file: its dates read the other way
};

} // namespace Mostrador
