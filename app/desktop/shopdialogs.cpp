#include "shopdialogs.h"

#include "automation/quickreplies.h"
#include "automation/automaticrepliesdialog.h"
#include "profile/businessprofiledialog.h"
#include "privacy/privacydialog.h"
#include "automation/weekeditor.h"
#include "automation/quickrepliesdialog.h"
#include "mainwindow/mainwindow.h"
#include "media/mediadownloader.h"
#include "privacy/retention.h"
#include "services/shopservices.h"

#include <QMessageBox>

namespace Mostrador {

ShopDialogs::ShopDialogs(ShopServices &shop, MainWindow &window, bool receivingHere, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
    , m_receivingHere(receivingHere)
{
    connect(&window, &MainWindow::automaticRepliesRequested, this, &ShopDialogs::showAutomaticReplies);
    connect(&window, &MainWindow::quickRepliesRequested, this, &ShopDialogs::showQuickReplies);
    connect(&window, &MainWindow::businessProfileRequested, this, &ShopDialogs::showBusinessProfile);
    connect(&window, &MainWindow::privacyRequested, this, &ShopDialogs::showPrivacy);
}

ShopDialogs::~ShopDialogs() = default;

QDialog *ShopDialogs::show(const QString &name)
{
    if (name == QLatin1String("hours"))
        return showAutomaticReplies();
    if (name == QLatin1String("quick-replies"))
        return showQuickReplies();
    if (name == QLatin1String("profile"))
        return showBusinessProfile();
    if (name == QLatin1String("privacy"))
        return showPrivacy();
    return nullptr;
}

QDialog *ShopDialogs::showAutomaticReplies()
{
    auto *dialog = new AutomaticRepliesDialog(m_shop.automation(), m_receivingHere, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const StoreError error = m_shop.setAutomation(dialog->automation()); error.isError())
            tellFailure(tr("The opening hours and automatic replies were not saved."), error.userMessage);
        else
            Q_EMIT automationChanged();
    });
    dialog->open();
    Q_EMIT automaticRepliesShown(dialog);
    return dialog;
}

QDialog *ShopDialogs::showPrivacy()
{
    StoreError error;
    Retention retention(m_shop.database(), m_shop.clock());
    auto *dialog = new PrivacyDialog(retention.months(&error), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const StoreError problem = Retention(m_shop.database(), m_shop.clock()).setMonths(dialog->retentionMonths()); problem.isError())
            tellFailure(tr("The retention period was not saved."), problem.userMessage);
    });
    dialog->open();
    return dialog;
}

QDialog *ShopDialogs::showQuickReplies()
{
    if (!m_quickReplies)
        m_quickReplies = std::make_unique<QuickReplyStore>(m_shop.database());
    auto *dialog = new QuickRepliesDialog(*m_quickReplies, m_shop.automation().replies.shopName,
                                          m_shop.media().folder() + QStringLiteral("/quick-replies"), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QuickRepliesDialog::repliesChanged, this, &ShopDialogs::quickRepliesChanged);
    dialog->open();
    return dialog;
}

QDialog *ShopDialogs::showBusinessProfile()
{
    auto *dialog = new BusinessProfileDialog(m_shop.client(), m_shop.automation().replies.shopName,
                                             WeekEditor::summary(m_shop.automation().hours), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BusinessProfileDialog::openingHoursRequested, this, &ShopDialogs::showAutomaticReplies);
    dialog->open();
    return dialog;
}

void ShopDialogs::tellFailure(const QString &what, const QString &reason)
{
    QMessageBox::warning(&m_window, tr("Not saved"), what + QLatin1Char('\n') + reason);
}

} // namespace Mostrador
