#pragma once

#include <QDateTime>
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;

namespace Mostrador {

// File ▸ Import chats…: chats exported from the phone (one .txt or .zip per chat), which name
// in them is the shop, the customer's number for a single chat, then a progress bar and what
// came in. Cancel during the import leaves the store as it was.
class ImportChatsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ImportChatsDialog(QWidget *parent = nullptr);

    // A chat's first and last dates as read, and — when every date reads both ways — as they
    // read with day and month swapped, for the person to check before importing.
    struct Dates {
        QDateTime first, last;
        bool guess = false;
        QDateTime firstSwapped, lastSwapped;
    };

    // Adds files (from the file dialog or dropped on the window). `authors` are the names found
    // in them, most messages first; `shopName` is proposed when it is one of them. `dates` go
    // with `files`, one each.
    void addFiles(const QStringList &files, const QStringList &authors, const QString &shopName,
                  const QList<Dates> &dates = {});
    void setProblem(const QString &text);

    [[nodiscard]] QStringList files() const;
    [[nodiscard]] QString shopAuthor() const;
    [[nodiscard]] QString customerNumber() const;
    // The files whose day and month the person swapped.
    [[nodiscard]] QStringList swappedFiles() const;

    // While importing: the bar, and Cancel instead of Import.
    void setProgress(qint64 done, qint64 total);
    // The import ended: what came in, or why nothing did. `undoable`: Undo import is offered.
    void showSummary(const QString &summary, bool succeeded, bool undoable = false);
    // Undo import ended: what was taken out, or why nothing was.
    void showUndone(const QString &summary, bool succeeded);

Q_SIGNALS:
    void filesWanted();
    void importRequested();
    void cancelRequested();
    void undoRequested();

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    void retranslate();
    void updateState();
    void showDates();
    [[nodiscard]] QListWidgetItem *fileShown() const;

    QListWidget *m_files = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_meLabel = nullptr;
    QComboBox *m_me = nullptr;
    QLabel *m_phoneLabel = nullptr;
    QLineEdit *m_phone = nullptr;
    QLabel *m_dates = nullptr;
    QPushButton *m_swap = nullptr;
    QLabel *m_note = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_undo = nullptr;
    bool m_running = false;
};

} // namespace Mostrador
