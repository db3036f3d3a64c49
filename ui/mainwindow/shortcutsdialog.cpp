#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Mostrador {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    const QList<std::pair<QKeySequence, QString>> rows{
        {QKeySequence(Qt::CTRL | Qt::Key_N), tr("Write to a customer first (new conversation)")},
        {QKeySequence(Qt::CTRL | Qt::Key_K), tr("Search messages and customers (also Ctrl+F)")},
        {QKeySequence(Qt::ALT | Qt::Key_Up), tr("Previous conversation")},
        {QKeySequence(Qt::ALT | Qt::Key_Down), tr("Next conversation")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), tr("Next conversation with unread messages")},
        {QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Resolve this conversation and open the next one waiting")},
        {QKeySequence(Qt::CTRL | Qt::Key_R), tr("Mark this conversation read (and tell the customer)")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), tr("This conversation's order: its stage (then 1–6), payment details, shipping")},
        {QKeySequence(Qt::Key_Return), tr("Send the message")},
        {QKeySequence(Qt::SHIFT | Qt::Key_Return), tr("New line in the message")},
    };
    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("What they do")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < rows.size(); ++row) {
        // Qt's Spanish names the key "Retorno"; the keyboards and the rest of Mostrador say "Intro".
        const QString keys = rows.at(row).first.toString(QKeySequence::NativeText)
                                 .replace(QKeySequence(Qt::Key_Return).toString(QKeySequence::NativeText),
                                          tr("Enter", "the Return key, as printed on the keyboard"));
        table->setItem(row, 0, new QTableWidgetItem(keys));
        table->setItem(row, 1, new QTableWidgetItem(rows.at(row).second));
    }
    table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(560, 320);
}

} // namespace Mostrador
