#pragma once

#include "store/shopedits.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Mostrador {

// The right pane: who this is, how they arrived, and what the shop keeps about them. Edits save
// as you type (half a second after the last key) and are found by search.
class CustomerPane final : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerPane(ShopEdits &edits, QWidget *parent = nullptr);

    void showConversation(qint64 conversationId);

Q_SIGNALS:
    void customerRenamed();
    void saveFailed(const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fill();
    void saveNow();

    ShopEdits &m_edits;
    std::optional<CustomerDetails> m_customer;
    QLabel *m_title = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_notesLabel = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QTimer m_saveTimer;
};

} // namespace Mostrador
