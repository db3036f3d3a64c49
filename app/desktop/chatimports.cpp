#include "chatimports.h"

#include "common/applicationidentity.h"
#include "import/importchatsdialog.h"
#include "mainwindow/mainwindow.h"
#include "media/mediadownloader.h"
#include "api/cloudapiclient.h"
#include "services/shopservices.h"
#include "db/database.h"
#include "import/importrecordstore.h"
#include "privacy/retention.h"
#include "workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMetaObject>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace Mostrador {

namespace {

ChatImports::Outcome importOnItsOwnConnection(StoreLocation location, ChatImport::Settings settings, QStringList files,
                                              std::shared_ptr<std::atomic_bool> cancel, QPointer<ImportChatsDialog> dialog)
{
    ChatImports::Outcome outcome;
    location.checkOnOpen = false;
    StoreError error;
    auto database = Database::open(location, &error);
    if (!database) {
        outcome.problem = error.userMessage;
        return outcome;
    }
    ChatImport import(*database, std::move(settings));
    // The name typed may be none of the chat's authors: refused, naming who wrote in it.
    if (!import.check(files, &outcome.problem))
        return outcome;
    outcome.succeeded = import.run(files, &outcome.summary, &outcome.problem, [&](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(dialog, [dialog, done, total] {
            if (dialog)
                dialog->setProgress(done, total);
        }, Qt::QueuedConnection);
        return !cancel->load();
    });
    return outcome;
}

// Where the file dialog opens: the downloads folder when there is one (a path that does not
// exist would be offered as the file's name), else the home folder.
QString startFolder()
{
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return QFileInfo(downloads).isDir() ? downloads : QDir::homePath();
}

} // namespace

ChatImports::ChatImports(ShopServices &shop, MainWindow &window, Workspace &workspace, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
    , m_workspace(workspace)
{
    connect(&window, &MainWindow::importChatsRequested, this, [this] { show(); });
    connect(&window, &MainWindow::chatFilesDropped, this, [this](const QStringList &files) { show(files); });
    connect(&m_run, &QFutureWatcher<Outcome>::finished, this, &ChatImports::finished);
}

ChatImports::~ChatImports()
{
    if (m_cancel)
        m_cancel->store(true);
    m_run.waitForFinished();
}

ImportChatsDialog *ChatImports::show(const QStringList &files)
{
    if (!m_dialog) {
        m_dialog = new ImportChatsDialog(&m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &ImportChatsDialog::filesWanted, this, &ChatImports::chooseFiles);
        connect(m_dialog, &ImportChatsDialog::importRequested, this, &ChatImports::start);
        connect(m_dialog, &ImportChatsDialog::undoRequested, this, &ChatImports::undoLast);
        connect(m_dialog, &ImportChatsDialog::cancelRequested, this, [this] {
            if (m_cancel)
                m_cancel->store(true);
        });
    }
    const bool fresh = m_dialog->files().isEmpty();
    addFiles(files.isEmpty() && fresh && !m_sample.isEmpty() ? QStringList{m_sample} : files);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

void ChatImports::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        m_dialog, tr("Chats exported from the phone"), startFolder(),
        tr("Exported chats (*.txt *.zip)"));
    addFiles(files);
}

void ChatImports::addFiles(const QStringList &files)
{
    if (files.isEmpty() || !m_dialog)
        return;
    QStringList readable;
    QStringList authors;
    QStringList problems;
    QList<ImportChatsDialog::Dates> dates;
    for (const QString &file : ChatImport::withFoldersOpened(files)) {
        QString problem;
        const auto preview = ChatImport::preview(file, QLocale(), &problem);
        if (!preview) {
            problems << QStringLiteral("%1: %2").arg(QFileInfo(file).fileName(), problem);
            continue;
        }
        readable << file;
        for (const QString &author : preview->authors) {
            if (!authors.contains(author))
                authors << author;
        }
        dates << ImportChatsDialog::Dates{preview->first, preview->last, preview->orderIsAGuess, preview->firstSwapped,
                                          preview->lastSwapped};
        m_swappedOrders.insert(file, preview->swappedOrder());
    }
    m_dialog->addFiles(readable, authors, m_shopName, dates);
    if (!problems.isEmpty())
        m_dialog->setProblem(tr("Not added:\n%1").arg(problems.join(QLatin1Char('\n'))));
}

void ChatImports::start()
{
    if (!m_dialog || m_run.isRunning())
        return;
    ChatImport::Settings settings;
    settings.me = m_dialog->shopAuthor();
    settings.phone = m_dialog->customerNumber();
    settings.defaultRegion = m_shop.region();
    settings.zone = m_shop.automation().hours.zone();
    settings.locale = QLocale();
    settings.mediaFolder = m_shop.media().folder();
    settings.businessNumberId = m_shop.client().config().phoneNumberId;
    for (const QString &file : m_dialog->swappedFiles())
        settings.dateOrders.insert(file, m_swappedOrders.value(file));
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_dialog->setProgress(0, 1);
    m_run.setFuture(QtConcurrent::run(importOnItsOwnConnection, m_shop.database().location(), settings, m_dialog->files(),
                                      m_cancel, m_dialog));
}

QString ChatImports::describe(const ChatImport::Summary &summary) const
{
    const QLocale locale;
    QStringList lines{tr("%n chat(s) imported: %1 new messages, %2 already there.", nullptr, summary.chats)
                          .arg(locale.toString(summary.messages), locale.toString(summary.alreadyThere)),
                      tr("Media kept: %1 · not included in the export: %2.").arg(summary.media).arg(summary.omitted),
                      tr("History waits for nobody: chats with no new message are under the All and Resolved views.")};
    if (!summary.unreadLines.isEmpty()) {
        lines << tr("%n line(s) could not be read and were kept as text of the message before them:", nullptr,
                    int(summary.unreadLines.size()));
        lines << summary.unreadLines.mid(0, 10);
    }
    return lines.join(QLatin1Char('\n'));
}

void ChatImports::finished()
{
    const Outcome outcome = m_run.result();
    m_cancel.reset();
    m_lastImport = outcome.succeeded && outcome.summary.messages > 0 ? outcome.summary.importId : 0;
    if (m_dialog)
        m_dialog->showSummary(outcome.succeeded ? describe(outcome.summary) : outcome.problem, outcome.succeeded, m_lastImport > 0);
    if (outcome.succeeded && outcome.summary.messages > 0)
        m_workspace.reloadConversations();
}

void ChatImports::undoLast()
{
    if (m_lastImport <= 0 || m_run.isRunning())
        return;
    ImportRecordStore records(m_shop.database());
    const auto undone = records.undo(m_lastImport, personActing(m_shop.database().location().user),
                                     QDateTime::currentDateTimeUtc());
    if (undone.isError()) {
        if (m_dialog)
            m_dialog->showUndone(tr("Nothing was undone: %1").arg(undone.error().userMessage), false);
        return;
    }
    m_lastImport = 0;
    Retention::removeFiles(undone->unusedMediaFiles);
    const QLocale locale;
    if (m_dialog) {
        m_dialog->showUndone(tr("Import undone: %n message(s) taken out (conversations it had started and left empty: %1). "
                                "Add the chats again and choose the shop's name to import them right.",
                                nullptr, int(std::min<qint64>(undone->messages, INT_MAX)))
                                 .arg(undone->conversations),
                             true);
    }
    m_workspace.reloadConversations();
}

} // namespace Mostrador
