#include "importchatsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

Q_DECLARE_METATYPE(Mostrador::ImportChatsDialog::Dates)

namespace Mostrador {

namespace {
constexpr int kPathRole = Qt::UserRole;
constexpr int kDatesRole = Qt::UserRole + 1;
constexpr int kSwappedRole = Qt::UserRole + 2;
}

ImportChatsDialog::ImportChatsDialog(QWidget *parent)
    : QDialog(parent)
    , m_files(new QListWidget(this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_meLabel(new QLabel(this))
    , m_me(new QComboBox(this))
    , m_phoneLabel(new QLabel(this))
    , m_phone(new QLineEdit(this))
    , m_dates(new QLabel(this))
    , m_swap(new QPushButton(this))
    , m_note(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("importChatsDialog"));
    m_files->setObjectName(QStringLiteral("importFiles"));
    m_add->setObjectName(QStringLiteral("importAddFiles"));
    m_remove->setObjectName(QStringLiteral("importRemoveFiles"));
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_me->setObjectName(QStringLiteral("importShopAuthor"));
    m_me->setEditable(true);
    m_me->setInsertPolicy(QComboBox::NoInsert);
    m_phone->setObjectName(QStringLiteral("importCustomerNumber"));
    m_dates->setObjectName(QStringLiteral("importDates"));
    m_dates->setWordWrap(true);
    m_dates->setTextFormat(Qt::PlainText);
    m_swap->setObjectName(QStringLiteral("importSwapDates"));
    m_swap->hide();
    m_note->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->hide();
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    m_import = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importStart"));
    m_undo = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_undo->setObjectName(QStringLiteral("importUndo"));
    m_undo->hide();
    m_meLabel->setBuddy(m_me);
    m_phoneLabel->setBuddy(m_phone);

    connect(m_add, &QPushButton::clicked, this, &ImportChatsDialog::filesWanted);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_files->selectedItems());
        if (m_files->count() == 0) {
            // No file, no authors to choose from.
            m_me->clear();
            m_me->setCurrentIndex(-1);
        }
        updateState();
    });
    connect(m_files, &QListWidget::itemSelectionChanged, this, &ImportChatsDialog::updateState);
    connect(m_swap, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = fileShown())
            item->setData(kSwappedRole, !item->data(kSwappedRole).toBool());
        updateState();
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        m_undo->setEnabled(false);
        Q_EMIT undoRequested();
    });
    connect(m_import, &QPushButton::clicked, this, &ImportChatsDialog::importRequested);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportChatsDialog::reject);
    connect(m_me, &QComboBox::currentTextChanged, this, &ImportChatsDialog::updateState);

    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(m_add);
    fileButtons->addWidget(m_remove);
    fileButtons->addStretch(1);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addLayout(fileButtons);
    auto *form = new QFormLayout;
    form->addRow(m_meLabel, m_me);
    form->addRow(m_phoneLabel, m_phone);
    auto *datesRow = new QHBoxLayout;
    datesRow->addWidget(m_dates, 1);
    datesRow->addWidget(m_swap, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow, 1);
    layout->addLayout(form);
    layout->addLayout(datesRow);
    layout->addWidget(m_note);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);
    resize(560, 420);
    retranslate();
    updateState();
}

void ImportChatsDialog::addFiles(const QStringList &files, const QStringList &authors, const QString &shopName,
                                  const QList<Dates> &dates)
{
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        if (m_files->findItems(QFileInfo(file).fileName(), Qt::MatchExactly).isEmpty()) {
            auto *item = new QListWidgetItem(QFileInfo(file).fileName(), m_files);
            item->setData(kPathRole, file);
            item->setToolTip(file);
            if (i < dates.size())
                item->setData(kDatesRole, QVariant::fromValue(dates.at(i)));
        }
    }
    const QString chosen = m_me->currentText();
    for (const QString &author : authors) {
        if (m_me->findText(author, Qt::MatchFixedString) < 0)
            m_me->addItem(author);
    }
    // The business profile's name is proposed when the chats have it; else what was chosen.
    const int shop = m_me->findText(shopName, Qt::MatchFixedString);
    if (!chosen.isEmpty())
        m_me->setCurrentText(chosen);
    else if (shop >= 0)
        m_me->setCurrentIndex(shop);
    else
        m_me->setCurrentIndex(-1);
    m_result->hide();
    m_undo->hide();
    updateState();
}

void ImportChatsDialog::setProblem(const QString &text)
{
    m_result->setText(text);
    m_result->show();
}

QStringList ImportChatsDialog::files() const
{
    QStringList result;
    for (int i = 0; i < m_files->count(); ++i)
        result << m_files->item(i)->data(kPathRole).toString();
    return result;
}

QStringList ImportChatsDialog::swappedFiles() const
{
    QStringList result;
    for (int i = 0; i < m_files->count(); ++i) {
        if (m_files->item(i)->data(kSwappedRole).toBool())
            result << m_files->item(i)->data(kPathRole).toString();
    }
    return result;
}

QListWidgetItem *ImportChatsDialog::fileShown() const
{
    const QList<QListWidgetItem *> selected = m_files->selectedItems();
    if (selected.size() == 1)
        return selected.first();
    return m_files->count() == 1 ? m_files->item(0) : nullptr;
}

// The chat's dates as they will be imported, so a chat read month for day is seen before it
// is filed: "From 2 January 2021 10:00 to 2 March 2021 11:00", and when every date reads both
// ways, the swap.
void ImportChatsDialog::showDates()
{
    const QListWidgetItem *item = fileShown();
    const QVariant data = item ? item->data(kDatesRole) : QVariant();
    if (!data.isValid() || m_running) {
        m_dates->setVisible(item == nullptr && m_files->count() > 1 && !m_running);
        m_dates->setText(tr("Select a chat to see its dates."));
        m_swap->hide();
        return;
    }
    const Dates dates = data.value<Dates>();
    const bool swapped = dates.guess && item->data(kSwappedRole).toBool();
    const QLocale locale;
    const QDateTime first = swapped ? dates.firstSwapped : dates.first;
    const QDateTime last = swapped ? dates.lastSwapped : dates.last;
    const auto day = [&](const QDateTime &time) { return locale.toString(time.date(), QLocale::LongFormat); };
    const auto hour = [&](const QDateTime &time) { return locale.toString(time.time(), QLocale::ShortFormat); };
    QString text = first.date() == last.date()
        ? tr("Dates as read: %1, from %2 to %3.").arg(day(first), hour(first), hour(last))
        : tr("Dates as read: from %1, %2 to %3, %4.").arg(day(first), hour(first), day(last), hour(last));
    if (dates.guess)
        text += QLatin1Char(' ') + tr("Every date in this chat could be day/month or month/day: if these are wrong, swap them.");
    m_dates->setText(text);
    m_dates->show();
    m_swap->setVisible(dates.guess);
    m_swap->setText(swapped ? tr("Read as before") : tr("Swap day and month"));
}

QString ImportChatsDialog::shopAuthor() const
{
    return m_me->currentText().trimmed();
}

QString ImportChatsDialog::customerNumber() const
{
    return m_files->count() == 1 ? m_phone->text().trimmed() : QString();
}

void ImportChatsDialog::setProgress(qint64 done, qint64 total)
{
    m_running = true;
    m_progress->show();
    m_progress->setMaximum(int(std::min<qint64>(total, 1'000'000'000)));
    m_progress->setValue(int(std::min(done, total)));
    m_progress->setFormat(tr("%1 of %2 messages").arg(QLocale().toString(done), QLocale().toString(total)));
    updateState();
}

void ImportChatsDialog::showSummary(const QString &summary, bool succeeded, bool undoable)
{
    m_running = false;
    m_undo->setVisible(succeeded && undoable);
    m_undo->setEnabled(true);
    m_progress->setVisible(succeeded);
    m_result->setText(summary);
    m_result->show();
    if (succeeded) {
        // The next file brings its own authors: nothing of this one's is proposed for it.
        m_files->clear();
        m_phone->clear();
        m_me->clear();
        m_me->setCurrentIndex(-1);
    }
    updateState();
}

void ImportChatsDialog::showUndone(const QString &summary, bool succeeded)
{
    m_progress->hide();
    m_result->setText(summary);
    m_result->show();
    // Failed, it may be tried again; done, there is nothing left to undo.
    m_undo->setVisible(!succeeded);
    m_undo->setEnabled(!succeeded);
    updateState();
}

void ImportChatsDialog::reject()
{
    if (m_running) {
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

void ImportChatsDialog::updateState()
{
    const bool haveFiles = m_files->count() > 0;
    m_import->setEnabled(!m_running && haveFiles && !shopAuthor().isEmpty());
    m_add->setEnabled(!m_running);
    m_remove->setEnabled(!m_running && !m_files->selectedItems().isEmpty());
    m_me->setEnabled(!m_running);
    m_phone->setEnabled(!m_running && m_files->count() == 1);
    showDates();
    m_buttons->button(QDialogButtonBox::Cancel)->setText(m_running ? tr("Cancel import") : tr("Close"));
}

void ImportChatsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ImportChatsDialog::retranslate()
{
    setWindowTitle(tr("Import chats from the phone"));
    m_add->setText(tr("Add chats…"));
    m_remove->setText(tr("Remove"));
    m_undo->setText(tr("Undo import"));
    m_undo->setToolTip(tr("Takes out what this import added, so the chats can be imported again (with another shop name, say)."));
    m_meLabel->setText(tr("The &shop in these chats is:"));
    m_phoneLabel->setText(tr("Customer's &number (one chat):"));
    m_phone->setPlaceholderText(tr("Optional, e.g. +57 300 111 2233"));
    m_note->setText(tr("On the phone: open the chat ▸ More ▸ Export chat, with or without media, and save the .txt or .zip "
                       "here (or drop the files on Mostrador's window). Imported messages keep their dates, are searchable, "
                       "and never send automatic replies. Importing a chat again adds only what is new."));
    m_import->setText(tr("Import"));
    updateState();
}

} // namespace Mostrador
