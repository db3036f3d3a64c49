#include "quickrepliesdialog.h"

#include "automation/autoresponder.h"
#include "automation/quickreplyexchange.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace Mostrador {

QuickRepliesDialog::QuickRepliesDialog(QuickReplyStore &store, const QString &shopName, const QString &filesFolder, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_shopName(shopName)
    , m_filesFolder(filesFolder)
{
    setObjectName(QStringLiteral("quickRepliesDialog"));
    setWindowTitle(tr("Quick replies"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("replyList"));
    m_list->setAccessibleName(tr("Quick replies"));
    connect(m_list, &QListWidget::currentRowChanged, this, &QuickRepliesDialog::showSelected);

    const auto button = [this](const QString &text, const char *name, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(button(tr("New"), "newReply", &QuickRepliesDialog::addNew));
    m_selectionButtons = {button(tr("Duplicate"), "duplicateReply", &QuickRepliesDialog::duplicateSelected),
                          button(tr("Delete"), "deleteReply", &QuickRepliesDialog::removeSelected),
                          button(tr("Up"), "moveUp", [this] { moveSelected(-1); }),
                          button(tr("Down"), "moveDown", [this] { moveSelected(1); })};
    for (QPushButton *b : m_selectionButtons)
        listButtons->addWidget(b);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);

    m_shortcut = new QLineEdit(this);
    m_shortcut->setObjectName(QStringLiteral("shortcut"));
    m_shortcut->setPlaceholderText(tr("envio (typed as /envio)"));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("Shipping to Bogotá"));
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("body"));
    m_body->setTabChangesFocus(true);
    m_body->setAccessibleName(tr("Text of the reply"));
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setWordWrap(true);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(6);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *hint = new QLabel(tr("Placeholders: {name} the customer's first name, {shop} the shop, {today} and {tomorrow} dates (the Spanish {nombre}, {tienda}, {hoy} and {mañana} work too)."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_fileList = new QListWidget(this);
    m_fileList->setObjectName(QStringLiteral("fileList"));
    m_fileList->setAccessibleName(tr("Files sent with this reply"));
    m_fileList->setMaximumHeight(m_fileList->fontMetrics().height() * 3 + 8);
    auto *addFile = button(tr("Add file…"), "addFile", [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("A file to send with this reply"),
                                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        if (!path.isEmpty())
            attachFile(path);
    });
    auto *removeFile = button(tr("Remove file"), "removeFile", [this] {
        const int row = m_fileList->currentRow();
        if (row >= 0 && row < m_files.size()) {
            m_files.removeAt(row);
            showFiles();
        }
    });
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(addFile);
    fileButtons->addWidget(removeFile);
    fileButtons->addStretch();
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_fileList, 1);
    filesRow->addLayout(fileButtons);
    m_save = button(tr("Save this reply"), "saveReply", &QuickRepliesDialog::saveEdited);
    m_save->setDefault(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Shortcut:"), m_shortcut);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Text:"), m_body);
    form->addRow(hint);
    form->addRow(tr("Files (price list, payment QR…):"), filesRow);
    form->addRow(tr("As the customer sees it:"), m_preview);
    form->addRow(QString(), m_save);
    for (QLineEdit *edit : {m_shortcut, m_title})
        connect(edit, &QLineEdit::textChanged, this, &QuickRepliesDialog::updatePreview);
    connect(m_body, &QPlainTextEdit::textChanged, this, &QuickRepliesDialog::updatePreview);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(form, 3);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(button(tr("Import…"), "importReplies", &QuickRepliesDialog::chooseImport), QDialogButtonBox::ActionRole);
    buttons->addButton(button(tr("Export…"), "exportReplies", &QuickRepliesDialog::chooseExport), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(900, 600);
    reload();
}

int QuickRepliesDialog::selectedRow() const
{
    return m_list->currentRow();
}

void QuickRepliesDialog::reload(qint64 selectId)
{
    StoreError error;
    m_replies = m_store.all(&error);
    if (error.isError())
        say(error.userMessage);
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int selected = m_replies.isEmpty() ? -1 : 0;
    for (qsizetype row = 0; row < m_replies.size(); ++row) {
        const QuickReply &reply = m_replies.at(row);
        QString text = QLatin1Char('/') + reply.shortcut;
        if (!reply.title.isEmpty())
            text += QStringLiteral(" — ") + reply.title;
        if (!reply.attachments.isEmpty())
            text += QLatin1Char(' ') + tr("+ %n file(s)", nullptr, int(reply.attachments.size()));
        if (reply.useCount > 0)
            text += QLatin1Char(' ') + tr("(used %n time(s))", nullptr, reply.useCount);
        m_list->addItem(text);
        if (reply.id == selectId)
            selected = int(row);
    }
    m_list->setCurrentRow(selected);
    showSelected();
}

void QuickRepliesDialog::showSelected()
{
    const int row = selectedRow();
    const QuickReply reply = row >= 0 ? m_replies.at(row) : QuickReply{};
    m_shortcut->setText(reply.shortcut);
    m_title->setText(reply.title);
    m_body->setPlainText(reply.body);
    m_files = reply.attachments;
    showFiles();
    for (QPushButton *b : m_selectionButtons)
        b->setEnabled(row >= 0);
    updatePreview();
}

void QuickRepliesDialog::updatePreview()
{
    const QLocale locale;
    m_preview->setText(AutoResponder::expand(m_body->toPlainText(), tr("Lucía Gómez"), m_shopName.isEmpty() ? tr("your shop") : m_shopName,
                                             QDate::currentDate(), locale));
    m_save->setEnabled(!m_shortcut->text().trimmed().isEmpty() && !m_body->toPlainText().trimmed().isEmpty());
}

bool QuickRepliesDialog::hasUnsavedEdits() const
{
    const int row = selectedRow();
    const QuickReply saved = row >= 0 ? m_replies.at(row) : QuickReply{};
    return m_shortcut->text().trimmed() != saved.shortcut || m_title->text().trimmed() != saved.title
        || m_body->toPlainText() != saved.body || m_files != saved.attachments;
}

void QuickRepliesDialog::reject()
{
    if (!hasUnsavedEdits())
        return QDialog::reject();
    QMessageBox ask(QMessageBox::Question, tr("Unsaved changes"),
                    tr("The reply you are editing has changes that are not saved."), QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                    this);
    ask.setObjectName(QStringLiteral("unsavedQuestion"));
    ask.setDefaultButton(QMessageBox::Save);
    switch (ask.exec()) {
    case QMessageBox::Save:
        saveEdited();
        if (!hasUnsavedEdits()) // saved (else the reason is shown and the dialog stays)
            QDialog::reject();
        return;
    case QMessageBox::Discard:
        QDialog::reject();
        return;
    default:
        return;
    }
}

void QuickRepliesDialog::saveEdited()
{
    const int row = selectedRow();
    QuickReply reply = row >= 0 ? m_replies.at(row) : QuickReply{};
    reply.shortcut = m_shortcut->text().trimmed();
    reply.title = m_title->text().trimmed();
    reply.body = m_body->toPlainText();
    reply.attachments = m_files;
    StoreError error;
    const auto id = m_store.save(reply, &error);
    if (!id) {
        say(error.userMessage);
        return;
    }
    say(tr("Saved /%1.").arg(reply.shortcut.startsWith(QLatin1Char('/')) ? reply.shortcut.mid(1) : reply.shortcut));
    reload(*id);
    Q_EMIT repliesChanged();
}

QString QuickRepliesDialog::attachFile(const QString &path)
{
    QString problem;
    const auto kept = keepQuickReplyFile(path, m_filesFolder, &problem);
    if (!kept) {
        say(problem);
        return problem;
    }
    m_files << *kept;
    showFiles();
    say(tr("%1 will go with this reply once you save it.").arg(kept->name));
    return m_message->text();
}

void QuickRepliesDialog::showFiles()
{
    m_fileList->clear();
    for (const QuickReplyFile &file : std::as_const(m_files))
        m_fileList->addItem(file.name);
}

void QuickRepliesDialog::addNew()
{
    m_list->setCurrentRow(-1);
    showSelected();
    m_shortcut->setFocus();
    say(tr("Write the new reply, then Save this reply."));
}

void QuickRepliesDialog::duplicateSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    QuickReply copy = m_replies.at(row);
    copy.id = 0;
    QStringList taken;
    for (const QuickReply &reply : std::as_const(m_replies))
        taken << reply.shortcut;
    int n = 2;
    while (taken.contains(copy.shortcut + QString::number(n)))
        ++n;
    copy.shortcut += QString::number(n);
    StoreError error;
    if (const auto id = m_store.save(copy, &error)) {
        reload(*id);
        Q_EMIT repliesChanged();
    } else {
        say(error.userMessage);
    }
}

void QuickRepliesDialog::removeSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const QuickReply reply = m_replies.at(row);
    if (const StoreError error = m_store.remove(reply.id); error.isError()) {
        say(error.userMessage);
        return;
    }
    say(tr("Deleted /%1.").arg(reply.shortcut));
    reload(row + 1 < m_replies.size() ? m_replies.at(row + 1).id : 0);
    Q_EMIT repliesChanged();
}

void QuickRepliesDialog::moveSelected(int step)
{
    const int row = selectedRow();
    if (row < 0 || row + step < 0 || row + step >= m_replies.size())
        return;
    QList<qint64> ids;
    for (const QuickReply &reply : std::as_const(m_replies))
        ids << reply.id;
    ids.swapItemsAt(row, row + step);
    if (const StoreError error = m_store.reorder(ids); error.isError()) {
        say(error.userMessage);
        return;
    }
    reload(ids.at(row + step));
    Q_EMIT repliesChanged();
}

QString QuickRepliesDialog::importFrom(const QString &path)
{
    QString problem;
    const auto read = QuickReplyExchange::fromFile(path, &problem, m_filesFolder);
    if (!read) {
        say(problem);
        return problem;
    }
    StoreError error;
    const auto result = m_store.import(*read, &error);
    if (!result) {
        say(tr("Nothing was imported: %1").arg(error.userMessage));
        return m_message->text();
    }
    reload();
    Q_EMIT repliesChanged();
    say(tr("Imported %n new reply(ies)", nullptr, result->added) + QStringLiteral("; ") +
        tr("%n updated.", nullptr, result->updated));
    return m_message->text();
}

QString QuickRepliesDialog::exportTo(const QString &path)
{
    StoreError error;
    const QList<QuickReply> replies = m_store.all(&error);
    QString problem;
    if (error.isError())
        say(error.userMessage);
    else if (!QuickReplyExchange::toFile(replies, path, &problem))
        say(problem);
    else if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
             && std::any_of(replies.cbegin(), replies.cend(), [](const QuickReply &reply) { return !reply.attachments.isEmpty(); }))
        say(tr("%n reply(ies) saved to %1.", nullptr, int(replies.size())).arg(path) + QLatin1Char(' ')
            + tr("A spreadsheet cannot carry the attached files: export as a Mostrador file to take them too."));
    else
        say(tr("%n reply(ies) saved to %1.", nullptr, int(replies.size())).arg(path));
    return m_message->text();
}

void QuickRepliesDialog::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import quick replies"),
                                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                                      tr("Quick replies (*.json *.csv)"));
    if (!path.isEmpty())
        importFrom(path);
}

void QuickRepliesDialog::chooseExport()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/') + tr("quick-replies") + QStringLiteral(".json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export quick replies"), suggested,
                                                      tr("Mostrador file (*.json);;Spreadsheet (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void QuickRepliesDialog::say(const QString &text)
{
    m_message->setText(text);
}

} // namespace Mostrador
