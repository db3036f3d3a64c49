#pragma once

#include "automation/quickreplies.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Mostrador {

// The shop's quick replies: add, edit, duplicate, delete and reorder them, and carry them to
// another PC as a JSON or CSV file. Works on the store directly; every change is saved at once.
class QuickRepliesDialog final : public QDialog
{
    Q_OBJECT

public:
    // `filesFolder`: where files attached to replies are kept.
    QuickRepliesDialog(QuickReplyStore &store, const QString &shopName, const QString &filesFolder, QWidget *parent = nullptr);

    // What the Import… and Export… buttons do once a file is chosen (a sentence for the user
    // comes back either way).
    QString importFrom(const QString &path);
    QString exportTo(const QString &path);
    // What "Add file…" does once a file is chosen: checks it against WhatsApp's limits and
    // attaches a kept copy to the reply being edited (saved with Save this reply).
    QString attachFile(const QString &path);

    // Whether the editor holds changes not saved yet.
    [[nodiscard]] bool hasUnsavedEdits() const;

    // Closing with unsaved changes asks first: save them, throw them away, or go on editing.
    void reject() override;

Q_SIGNALS:
    void repliesChanged();

private:
    void reload(qint64 selectId = 0);
    void showSelected();
    void saveEdited();
    void addNew();
    void duplicateSelected();
    void removeSelected();
    void moveSelected(int step);
    void chooseImport();
    void chooseExport();
    void updatePreview();
    void showFiles();
    void say(const QString &text);
    [[nodiscard]] int selectedRow() const;

    QuickReplyStore &m_store;
    QString m_shopName;
    QString m_filesFolder;
    QList<QuickReplyFile> m_files; // of the reply being edited
    QList<QuickReply> m_replies;
    QListWidget *m_list = nullptr;
    QLineEdit *m_shortcut = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_preview = nullptr;
    QListWidget *m_fileList = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
    QList<QPushButton *> m_selectionButtons;
};

} // namespace Mostrador
