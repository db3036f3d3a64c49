#include "mainwindow.h"

#include "widgets/undotoast.h"

#include "widgets/noticebanner.h"

#include "widgets/placeholderpane.h"
#include "mainwindow/aboutdialog.h"
#include "mainwindow/shortcutsdialog.h"
#include "i18n/languagecontroller.h"
#include "widgets/appearance.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QUrl>
#include <QFileInfo>
#include <QMimeData>
#include <QDropEvent>
#include <QDragEnterEvent>
#include <QVBoxLayout>
#include <QStatusBar>

namespace Mostrador {

namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kWindowStateKey = "window/state";
constexpr auto kSplitterKey = "window/splitter";

} // namespace

MainWindow::MainWindow(LanguageController &languages, QWidget *parent)
    : QMainWindow(parent)
    , m_languages(languages)
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true); // chats exported from the phone, dropped to import them

    createPanes();

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addPermanentWidget(m_connectionLabel, 1);
    m_syncLabel = new QLabel(this);
    m_syncLabel->setObjectName(QStringLiteral("appSyncStatus"));
    m_syncLabel->hide();
    statusBar()->addPermanentWidget(m_syncLabel);

    createMenus();
    retranslate();
    restoreWindowState();

    connect(&m_languages, &LanguageController::languageChanged, this, &MainWindow::updateLanguageActions);
}

MainWindow::~MainWindow() = default;

void MainWindow::setConnectionDescription(const QString &description)
{
    m_connectionDescription = description;
    retranslate();
}

void MainWindow::createPanes()
{
    m_conversationList = new PlaceholderPane(QStringLiteral("conversationListPane"), QPalette::Base, [] {
        return PlaceholderPane::Texts{tr("Conversations"),
                                      tr("Your customers' chats will appear here as soon as they write.")};
    }, this);
    m_thread = new PlaceholderPane(QStringLiteral("threadPane"), QPalette::Window, [] {
        return PlaceholderPane::Texts{tr("No conversation selected"),
                                      tr("Choose a conversation on the left to read it and reply.")};
    }, this);
    m_customer = new PlaceholderPane(QStringLiteral("customerPane"), QPalette::Base, [] {
        return PlaceholderPane::Texts{tr("Customer"),
                                      tr("Who you are talking to, their labels and your notes about them.")};
    }, this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_conversationList);
    m_splitter->addWidget(m_thread);
    m_splitter->addWidget(m_customer);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({320, 640, 280});
    m_notice = new NoticeBanner(this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    m_undo = new UndoToast(central);
}

void MainWindow::showProblem(const QString &text)
{
    m_notice->showNotice(text);
}

void MainWindow::setSyncStatus(const QString &text)
{
    m_syncLabel->setText(text);
    m_syncLabel->setVisible(!text.isEmpty());
}

void MainWindow::setUnreadCount(int count)
{
    m_unread = count;
    retranslate();
}

bool MainWindow::notificationsEnabled() const
{
    return m_notifyAction->isChecked();
}

void MainWindow::setWorkPanes(QWidget *conversations, QWidget *thread, QWidget *customer)
{
    const QByteArray state = m_splitter->saveState();
    m_splitter->replaceWidget(0, conversations);
    m_splitter->replaceWidget(1, thread);
    // The customer's details scroll rather than make the window taller than a netbook's screen.
    auto *customerScroll = new QScrollArea(this);
    customerScroll->setObjectName(QStringLiteral("customerScroll"));
    customerScroll->setWidget(customer);
    customerScroll->setWidgetResizable(true);
    customerScroll->setFrameShape(QFrame::NoFrame);
    customerScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    customerScroll->setBackgroundRole(customer->backgroundRole());
    // As wide as the details need (they scroll up and down, never sideways).
    customerScroll->setMinimumWidth(customer->minimumSizeHint().width() + customerScroll->verticalScrollBar()->sizeHint().width());
    m_splitter->replaceWidget(2, customerScroll);
    customerScroll->setVisible(m_customerAction->isChecked());
    delete m_conversationList;
    delete m_thread;
    delete m_customer;
    m_conversationList = nullptr;
    m_thread = nullptr;
    m_customer = nullptr;
    m_splitter->restoreState(state);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_newConversationAction = m_fileMenu->addAction(QString(), QKeySequence::New, this, &MainWindow::newConversationRequested);
    m_newConversationAction->setObjectName(QStringLiteral("newConversationAction"));
    m_importChatsAction = m_fileMenu->addAction(QString(), this, &MainWindow::importChatsRequested);
    m_importChatsAction->setObjectName(QStringLiteral("importChatsAction"));
    m_importContactsAction = m_fileMenu->addAction(QString(), this, &MainWindow::importContactsRequested);
    m_importContactsAction->setObjectName(QStringLiteral("importContactsAction"));
    m_exportContactsAction = m_fileMenu->addAction(QString(), this, &MainWindow::exportContactsRequested);
    m_exportContactsAction->setObjectName(QStringLiteral("exportContactsAction"));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));

    m_viewMenu = menuBar()->addMenu(QString());
    m_notifyAction = m_viewMenu->addAction(QString());
    m_notifyAction->setObjectName(QStringLiteral("notifyAction"));
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(QSettings().value(QStringLiteral("notifications/enabled"), true).toBool());
    connect(m_notifyAction, &QAction::toggled, this, [](bool on) { QSettings().setValue(QStringLiteral("notifications/enabled"), on); });
    m_customerAction = m_viewMenu->addAction(QString());
    m_customerAction->setObjectName(QStringLiteral("customerDetailsAction"));
    m_customerAction->setCheckable(true);
    m_customerAction->setChecked(true);
    m_customerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_customerAction, &QAction::toggled, this, [this](bool shown) {
        if (QWidget *customer = m_splitter->widget(2))
            customer->setVisible(shown);
    });
    m_viewMenu->addSeparator();
    m_appearanceMenu = m_viewMenu->addMenu(QString());
    auto *appearanceGroup = new QActionGroup(this);
    for (const char *appearance : {"system", "light", "dark"}) {
        QAction *action = m_appearanceMenu->addAction(QString());
        action->setObjectName(QStringLiteral("appearance_%1").arg(QLatin1String(appearance)));
        action->setCheckable(true);
        action->setData(QLatin1String(appearance));
        action->setChecked(Appearance::saved() == QLatin1String(appearance));
        appearanceGroup->addAction(action);
        connect(action, &QAction::triggered, this, [appearance] { Appearance::choose(QLatin1String(appearance)); });
        m_appearanceActions << action;
    }
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);

    const auto addLanguage = [this](const QString &code, const char *objectName) {
        QAction *action = m_languageMenu->addAction(QString());
        action->setObjectName(QLatin1String(objectName));
        action->setCheckable(true);
        action->setData(code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { m_languages.choose(code); });
        return action;
    };
    m_systemLanguageAction = addLanguage(QString(), "languageSystemAction");
    m_languageMenu->addSeparator();
    // Language names are written in their own language so anyone can find theirs.
    m_spanishAction = addLanguage(QStringLiteral("es"), "languageSpanishAction");
    m_spanishAction->setText(QStringLiteral("Español"));
    m_englishAction = addLanguage(QStringLiteral("en"), "languageEnglishAction");
    m_englishAction->setText(QStringLiteral("English"));
    updateLanguageActions();

    m_shopMenu = menuBar()->addMenu(QString());
    m_reportsAction = m_shopMenu->addAction(QString(), this, &MainWindow::reportsRequested);
    m_reportsAction->setObjectName(QStringLiteral("reportsAction"));
    m_templatesAction = m_shopMenu->addAction(QString(), this, &MainWindow::templatesRequested);
    m_templatesAction->setObjectName(QStringLiteral("templatesAction"));
    m_campaignsAction = m_shopMenu->addAction(QString(), this, &MainWindow::campaignsRequested);
    m_campaignsAction->setObjectName(QStringLiteral("campaignsAction"));
    m_shopMenu->addSeparator();
    m_ordersAction = m_shopMenu->addAction(QString(), this, &MainWindow::ordersRequested);
    m_ordersAction->setObjectName(QStringLiteral("ordersAction"));
    m_catalogAction = m_shopMenu->addAction(QString(), this, &MainWindow::catalogRequested);
    m_catalogAction->setObjectName(QStringLiteral("catalogAction"));
    m_shopMenu->addSeparator();
    m_automaticRepliesAction = m_shopMenu->addAction(QString(), this, &MainWindow::automaticRepliesRequested);
    m_automaticRepliesAction->setObjectName(QStringLiteral("automaticRepliesAction"));
    m_quickRepliesAction = m_shopMenu->addAction(QString(), this, &MainWindow::quickRepliesRequested);
    m_quickRepliesAction->setObjectName(QStringLiteral("quickRepliesAction"));
    m_businessProfileAction = m_shopMenu->addAction(QString(), this, &MainWindow::businessProfileRequested);
    m_businessProfileAction->setObjectName(QStringLiteral("businessProfileAction"));
    m_privacyAction = m_shopMenu->addAction(QString(), this, &MainWindow::privacyRequested);
    m_privacyAction->setObjectName(QStringLiteral("privacyAction"));
    m_teamAction = m_shopMenu->addAction(QString(), this, &MainWindow::teamRequested);
    m_teamAction->setObjectName(QStringLiteral("teamAction"));
    m_teamAction->setVisible(false); // team mode only
    m_shopMenu->addSeparator();
    m_connectionAction = m_shopMenu->addAction(QString(), this, &MainWindow::connectionRequested);
    m_connectionAction->setObjectName(QStringLiteral("connectionAction"));

    m_helpMenu = menuBar()->addMenu(QString());
    m_shortcutsAction = m_helpMenu->addAction(QString(), this, [this] {
        ShortcutsDialog dialog(this);
        dialog.exec();
    });
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAboutDialog);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
}

void MainWindow::setOwnerOnly(bool isOwner, const QString &ownerName)
{
    const QString why = isOwner ? QString() : tr("Only the owner (%1) can change this.").arg(ownerName);
    for (QAction *action : {m_automaticRepliesAction, m_quickRepliesAction, m_businessProfileAction, m_privacyAction, m_teamAction,
                            m_connectionAction, m_templatesAction, m_campaignsAction, m_catalogAction}) {
        action->setEnabled(isOwner);
        action->setToolTip(why);
        action->setStatusTip(why);
    }
    m_shopMenu->setToolTipsVisible(!isOwner);
    m_teamAction->setVisible(true);
}

void MainWindow::updateLanguageActions()
{
    const QString followed = m_languages.followedChoice();
    const QList<QAction *> actions = m_languageGroup->actions();
    for (QAction *action : actions)
        action->setChecked(action->data().toString() == followed);
}

void MainWindow::retranslate()
{
    setWindowTitle(m_unread > 0 ? tr("Mostrador (%n unread)", nullptr, m_unread) : tr("Mostrador"));
    m_notifyAction->setText(tr("&Notify me of new messages"));
    m_customerAction->setText(tr("&Customer details"));
    m_customerAction->setIconText(tr("Customer"));
    m_customerAction->setToolTip(tr("Show or fold away the customer's details beside the conversation (Ctrl+I)"));
    m_appearanceMenu->setTitle(tr("&Appearance"));
    m_appearanceActions.at(0)->setText(tr("Like the system"));
    m_appearanceActions.at(1)->setText(tr("Light"));
    m_appearanceActions.at(2)->setText(tr("Dark"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_newConversationAction->setText(tr("&New conversation…"));
    m_importChatsAction->setText(tr("&Import chats from the phone…"));
    m_importContactsAction->setText(tr("Import &contacts…"));
    m_exportContactsAction->setText(tr("E&xport contacts…"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguageAction->setText(tr("System language"));
    m_shopMenu->setTitle(tr("&Shop"));
    m_reportsAction->setText(tr("&Reports…"));
    m_templatesAction->setText(tr("&Templates…"));
    m_campaignsAction->setText(tr("&Campaigns…"));
    m_ordersAction->setText(tr("&Orders…"));
    m_catalogAction->setText(tr("Ca&talog…"));
    m_automaticRepliesAction->setText(tr("Opening &hours and automatic replies…"));
    m_quickRepliesAction->setText(tr("&Quick replies…"));
    m_businessProfileAction->setText(tr("Business &profile…"));
    m_privacyAction->setText(tr("P&rivacy…"));
    m_teamAction->setText(tr("&Team…"));
    m_connectionAction->setText(tr("&Connection to WhatsApp…"));
    m_helpMenu->setTitle(tr("&Help"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_aboutAction->setText(tr("&About Mostrador"));
    m_aboutQtAction->setText(tr("About &Qt"));

    m_connectionLabel->setText(m_connectionDescription.isEmpty()
                                   ? tr("Not connected to WhatsApp yet.")
                                   : m_connectionDescription);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // On a netbook the customer panel would squeeze the thread: it folds away (Ctrl+I or the
    // thread's Customer button brings it back), and returns on its own when the window widens again.
    const bool narrow = width() < kFoldCustomerBelow;
    if (narrow != m_narrow) {
        m_narrow = narrow;
        m_customerAction->setChecked(!narrow);
    }
}

namespace {

// The chats exported from a phone among dropped files: .txt and .zip.
QStringList chatFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive) || path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)
            || QFileInfo(path).isDir())
            files << path;
    }
    return files;
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!chatFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = chatFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT chatFilesDropped(files);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kWindowStateKey), saveState());
    settings.setValue(QLatin1String(kSplitterKey), m_splitter->saveState());
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray()))
        fitScreen();
    restoreState(settings.value(QLatin1String(kWindowStateKey)).toByteArray());
    m_splitter->restoreState(settings.value(QLatin1String(kSplitterKey)).toByteArray());
}

// The first window fits the screen it opens on: maximised on a laptop or netbook screen (1366×768,
// 1024×600), 1280×800 centred on a larger one; never bigger than the space the desktop leaves.
void MainWindow::fitScreen()
{
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
    const QSize preferred(1280, 800);
    if (available.width() < preferred.width() + 120 || available.height() < preferred.height() + 60) {
        resize(available.size() * 0.9);
        setWindowState(windowState() | Qt::WindowMaximized);
        return;
    }
    resize(preferred);
    move(available.center() - rect().center());
}

void MainWindow::showAboutDialog()
{
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace Mostrador
