#pragma once

#include "api/apitypes.h"

#include <QByteArray>
#include <QDialog>
#include <QPixmap>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace Mostrador {

class CloudApiClient;
class ProfilePreview;

// The business profile customers see in WhatsApp: loads it from the API, checks each field
// against the API's limits while the user types (with counters), previews it as a customer sees
// it, and saves it; a new photo goes up through the Resumable Upload API with progress.
class BusinessProfileDialog final : public QDialog
{
    Q_OBJECT

public:
    // `shopName`: the name shown in the preview (the verified name, once loaded, wins).
    BusinessProfileDialog(CloudApiClient &client, const QString &shopName, const QString &hoursSummary, QWidget *parent = nullptr);

    // Reads the profile from the API (the dialog does this when it opens).
    void load();
    // Uses this image as the new photo (what "Choose photo…" does once a file is picked);
    // returns a sentence when the file cannot be used.
    QString choosePhoto(const QString &path);
    // Sends the changes (and the photo first, when there is a new one).
    void save();

    [[nodiscard]] BusinessProfile edited() const;

Q_SIGNALS:
    void openingHoursRequested();
    // A load or a save finished (for tests): `ok` and the sentence shown.
    void loaded(bool ok);
    void saved(bool ok);

private:
    QWidget *createForm(const QString &hoursSummary);
    QLineEdit *addCountedLine(QFormLayout *form, const QString &label, const char *name, int limit);
    void fill(const BusinessProfile &profile);
    void fetchPhoto(const QString &url);
    void sendProfile(const QString &photoHandle);
    void update();
    void setBusy(const QString &status);
    void say(const QString &status);

    CloudApiClient &m_client;
    QString m_shopName;
    QByteArray m_newPhoto;
    QString m_newPhotoType;
    QString m_newPhotoName;
    QPixmap m_photo;
    bool m_busy = false;

    QLabel *m_photoLabel = nullptr;
    QPushButton *m_choosePhoto = nullptr;
    QProgressBar *m_progress = nullptr;
    QLineEdit *m_about = nullptr;
    QComboBox *m_vertical = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_descriptionCount = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_website1 = nullptr;
    QLineEdit *m_website2 = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_status = nullptr;
    ProfilePreview *m_preview = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Mostrador
