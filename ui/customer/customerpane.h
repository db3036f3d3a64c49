#pragma once

#include "inbox/labelstore.h"
#include "inbox/shopeditstore.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace Mostrador {

// The right pane: who this is, how they arrived, and what the shop keeps about them. Edits save
// as you type (half a second after the last key) and are found by search.
class CustomerPane final : public QWidget
{
    Q_OBJECT

public:
    CustomerPane(ShopEditStore &edits, LabelStore &labels, QWidget *parent = nullptr);

    // Rebuilds the label buttons (after labels change).
    void reloadLabels();
    void renameLabel(qint64 labelId, const QString &name, const QString &color);

    void showConversation(qint64 conversationId);
    // Re-reads who the customer is (WhatsApp told of a new number, say), keeping what is being typed.
    void refresh();
    // A section of the window's own (the customer's orders), above the notes.
    void addSection(QWidget *section);

Q_SIGNALS:
    void customerRenamed();
    void labelsChanged(qint64 conversationId);
    void saveFailed(const QString &reason);
    // The shop asked to put this conversation's customer on the block list, or take them off.
    void blockRequested(qint64 conversationId, bool block);
    // The customer's rights: a copy of everything kept about them, or none of it kept.
    void exportRequested(qint64 customerId, const QString &name);
    void forgetRequested(qint64 customerId, const QString &name);
    // Whenever the customer shown changes or is read again: why they get no promotions, in a
    // sentence; empty when they may get them.
    void promotionsRefused(const QString &why);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fill();
    [[nodiscard]] QString promotionsRefusal() const;
    void saveNow();
    void syncLabels();

    ShopEditStore &m_edits;
    LabelStore &m_labelStore;
    qint64 m_conversation = 0;
    QLabel *m_labelsTitle = nullptr;
    QWidget *m_labelButtons = nullptr;
    QGridLayout *m_labelGrid = nullptr;
    std::optional<CustomerDetails> m_customer;
    QLabel *m_title = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_facts = nullptr;
    QPushButton *m_block = nullptr;
    QCheckBox *m_promotions = nullptr;
    QToolButton *m_privacy = nullptr;
    QAction *m_export = nullptr;
    QAction *m_forget = nullptr;
    QLabel *m_notesLabel = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QTimer m_saveTimer;
};

} // namespace Mostrador
