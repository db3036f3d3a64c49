#include "aboutdialog.h"

#include "common/dependencies.h"

#include <mostrador/version.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Mostrador {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Mostrador"));

    auto *heading = new QLabel(tr("<h2>Mostrador %1</h2>").arg(QLatin1String(kVersion)), this);
    heading->setObjectName(QStringLiteral("aboutVersion"));

    auto *summary = new QLabel(tr("The WhatsApp counter for small shops: every chat in one inbox, "
                                  "answers ready to send and honest automatic replies when the shop is closed."),
                               this);
    summary->setWordWrap(true);

    auto *licence = new QLabel(tr("Mostrador is free software under the GNU General Public License, "
                                  "version 3 or later. It is built on these components:"),
                               this);
    licence->setWordWrap(true);

    const QList<Dependency> dependencies = runtimeDependencies();
    auto *table = new QTableWidget(int(dependencies.size()), 3, this);
    table->setObjectName(QStringLiteral("aboutDependencies"));
    table->setHorizontalHeaderLabels({tr("Component"), tr("Version"), tr("Licence")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < dependencies.size(); ++row) {
        const Dependency &dependency = dependencies.at(row);
        table->setItem(row, 0, new QTableWidgetItem(dependency.name));
        table->setItem(row, 1, new QTableWidgetItem(dependency.version.isEmpty() ? tr("system") : dependency.version));
        table->setItem(row, 2, new QTableWidgetItem(dependency.licence));
        table->item(row, 0)->setToolTip(dependency.url);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(summary);
    layout->addWidget(licence);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(520, 400);
}

} // namespace Mostrador
