#pragma once

#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QLabel;
class QMenu;
class QSplitter;


namespace Mostrador {

class NoticeBanner;
class UndoToast;

class LanguageController;
class PlaceholderPane;

// The shop's main window: conversation list, thread and customer panel side by side, a status
// bar that says whether Mostrador is connected, and the menus. It only arranges and forwards;
// the work happens in the objects app/ hands in.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(LanguageController &languages, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Text for the status bar, e.g. "Demo — sandbox on 127.0.0.1:8123". Empty means not connected.
    void setConnectionDescription(const QString &description);
    // How far the WhatsApp Business app's history has come (coexistence); empty hides it.
    void setSyncStatus(const QString &text);
    // A failure the person caused or must act on, said in the band at the top until dismissed.
    void showProblem(const QString &text);
    // "Resolved: Lucía · Undo", at the bottom of the window for a few seconds.
    [[nodiscard]] UndoToast &undoToast() { return *m_undo; }

    // Unread customer messages, shown in the title bar (and so in the task bar).
    void setUnreadCount(int count);

    // Whether to pop up a desktop notification for new customer messages (remembered).
    [[nodiscard]] bool notificationsEnabled() const;

    void saveWindowState() const;

    // Team mode: only the owner changes hours, quick replies, the profile and the connection;
    // for others those menu entries are off and say who can.
    void setOwnerOnly(bool isOwner, const QString &ownerName);

    // Puts the real conversation list, thread and customer panel in place of the empty panes
    // (the window takes ownership).
    void setWorkPanes(QWidget *conversations, QWidget *thread, QWidget *customer);

    // View ▸ Customer details (Ctrl+I): the customer panel shown or folded away. It folds by
    // itself when the window is narrower than kFoldCustomerBelow, and comes back when it widens.
    [[nodiscard]] QAction *customerDetailsAction() const { return m_customerAction; }
    static constexpr int kFoldCustomerBelow = 1200;

Q_SIGNALS:
    // The Shop menu: what app/ opens, since the window does not hold the store.
    void newConversationRequested();
    // File ▸ Import chats…, and .txt/.zip files dropped on the window.
    void importChatsRequested();
    void chatFilesDropped(const QStringList &files);
    // File ▸ Import contacts… and Export contacts…
    void importContactsRequested();
    void exportContactsRequested();
    void automaticRepliesRequested();
    void quickRepliesRequested();
    void businessProfileRequested();
    void privacyRequested();
    void reportsRequested();
    void templatesRequested();
    void campaignsRequested();
    void ordersRequested();
    void catalogRequested();
    void teamRequested();
    void connectionRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createPanes();
    void createMenus();
    void restoreWindowState();
    void fitScreen();
    void retranslate();
    void updateLanguageActions();
    void showAboutDialog();

    LanguageController &m_languages;
    QString m_connectionDescription;
    int m_unread = 0;
    QAction *m_notifyAction = nullptr;
    QAction *m_customerAction = nullptr;
    QAction *m_importChatsAction = nullptr;
    QAction *m_importContactsAction = nullptr;
    QAction *m_exportContactsAction = nullptr;
    bool m_narrow = false;
    QMenu *m_appearanceMenu = nullptr;
    QList<QAction *> m_appearanceActions;

    QSplitter *m_splitter = nullptr;
    NoticeBanner *m_notice = nullptr;
    UndoToast *m_undo = nullptr;
    PlaceholderPane *m_conversationList = nullptr;
    PlaceholderPane *m_thread = nullptr;
    PlaceholderPane *m_customer = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_syncLabel = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_shopMenu = nullptr;
    QAction *m_automaticRepliesAction = nullptr;
    QAction *m_quickRepliesAction = nullptr;
    QAction *m_businessProfileAction = nullptr;
    QAction *m_privacyAction = nullptr;
    QAction *m_reportsAction = nullptr;
    QAction *m_templatesAction = nullptr;
    QAction *m_campaignsAction = nullptr;
    QAction *m_ordersAction = nullptr;
    QAction *m_catalogAction = nullptr;
    QAction *m_teamAction = nullptr;
    QAction *m_connectionAction = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_newConversationAction = nullptr;
    QAction *m_systemLanguageAction = nullptr;
    QAction *m_spanishAction = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace Mostrador
