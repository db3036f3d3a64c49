#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Mostrador {

class CustomerDirectoryStore;

// Writing first to a customer: a number typed in any form people write it (read with the shop's
// country as default), or a customer the shop already knows, found by name, number or user name.
class NewConversationDialog final : public QDialog
{
    Q_OBJECT

public:
    NewConversationDialog(CustomerDirectoryStore &directory, const QString &defaultRegion, QWidget *parent = nullptr);

    // Whom to write to: a wa_id in WhatsApp's form, or a business-scoped id.
    [[nodiscard]] QString recipient() const { return m_recipient; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showMatches();

    CustomerDirectoryStore &m_directory;
    QString m_region;
    QString m_recipient;
    QLabel *m_intro = nullptr;
    QLabel *m_rule = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_reading = nullptr;
    QListWidget *m_matches = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace Mostrador
