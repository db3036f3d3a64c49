#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QDialog;

namespace Mostrador {

class AutomaticRepliesDialog;
class MainWindow;
class QuickReplyStore;
class ShopServices;

// Opens the Shop menu's windows (opening hours and automatic replies, quick replies, business
// profile) over the main window, and saves what the user accepts into the shop's session.
class ShopDialogs final : public QObject
{
    Q_OBJECT

public:
    // `receivingHere`: whether this program receives the shop's messages (the demo does).
    ShopDialogs(ShopServices &shop, MainWindow &window, bool receivingHere, QObject *parent = nullptr);
    ~ShopDialogs() override;

    // Opens one by its --show name; returns it (still open) or null for an unknown name.
    QDialog *show(const QString &name);

    void setReceivingHere(bool receiving) { m_receivingHere = receiving; }

    QDialog *showAutomaticReplies();
    QDialog *showQuickReplies();
    QDialog *showBusinessProfile();
    QDialog *showPrivacy();

Q_SIGNALS:
    void automationChanged();
    void quickRepliesChanged();
    // The opening hours and automatic replies are on screen: their costs can be said in it.
    void automaticRepliesShown(Mostrador::AutomaticRepliesDialog *dialog);

private:
    void tellFailure(const QString &what, const QString &reason);

    ShopServices &m_shop;
    MainWindow &m_window;
    bool m_receivingHere = false;
    std::unique_ptr<QuickReplyStore> m_quickReplies;
};

} // namespace Mostrador
