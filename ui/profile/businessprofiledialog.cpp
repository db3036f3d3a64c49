#include "businessprofiledialog.h"

#include "api/cloudapiclient.h"
#include "api/profilerules.h"
#include "api/resumableuploadjob.h"
#include "profile/profilepreview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

constexpr qint64 kPhotoMaxBytes = 5 * 1024 * 1024; // Meta takes profile photos up to 5 MB
constexpr int kPhotoMinSide = 192;

QString counterText(qsizetype used, int limit)
{
    return QStringLiteral("%1/%2").arg(used).arg(limit);
}

} // namespace

BusinessProfileDialog::BusinessProfileDialog(CloudApiClient &client, const QString &shopName, const QString &hoursSummary,
                                             QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_shopName(shopName)
{
    setObjectName(QStringLiteral("businessProfileDialog"));
    setWindowTitle(tr("Business profile"));

    m_preview = new ProfilePreview(this);
    m_preview->setMinimumWidth(300);
    auto *previewBox = new QGroupBox(tr("What customers see"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);

    auto *formColumn = new QVBoxLayout;
    formColumn->addWidget(createForm(hoursSummary));
    formColumn->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addLayout(formColumn, 3);
    columns->addWidget(previewBox, 2);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BusinessProfileDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_problems);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(940, 580);
    update();
    load();
}

QLineEdit *BusinessProfileDialog::addCountedLine(QFormLayout *form, const QString &label, const char *name, int limit)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(QLatin1String(name));
    edit->setAccessibleName(label);
    auto *count = new QLabel(counterText(0, limit), this);
    count->setObjectName(QLatin1String(name) + QStringLiteral("Count"));
    count->setForegroundRole(QPalette::PlaceholderText);
    connect(edit, &QLineEdit::textChanged, count, [count, limit](const QString &text) { count->setText(counterText(text.size(), limit)); });
    connect(edit, &QLineEdit::textChanged, this, &BusinessProfileDialog::update);
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(count);
    form->addRow(label, row);
    return edit;
}

QWidget *BusinessProfileDialog::createForm(const QString &hoursSummary)
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);

    m_photoLabel = new QLabel(box);
    m_photoLabel->setFixedSize(64, 64);
    m_photoLabel->setFrameShape(QFrame::StyledPanel);
    m_photoLabel->setAlignment(Qt::AlignCenter);
    m_choosePhoto = new QPushButton(tr("Choose photo…"), box);
    m_choosePhoto->setObjectName(QStringLiteral("choosePhoto"));
    connect(m_choosePhoto, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Profile photo"),
                                                          QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                                                          tr("Images (*.jpg *.jpeg *.png)"));
        if (!path.isEmpty())
            say(choosePhoto(path));
    });
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("photoProgress"));
    m_progress->setVisible(false);
    auto *photoButtons = new QVBoxLayout;
    photoButtons->addWidget(m_choosePhoto);
    photoButtons->addWidget(m_progress);
    auto *photoHint = new QLabel(tr("JPEG or PNG, square, up to 5 MB; 640×640 looks best."), box);
    photoHint->setForegroundRole(QPalette::PlaceholderText);
    photoHint->setWordWrap(true);
    photoButtons->addWidget(photoHint);
    auto *photoRow = new QHBoxLayout;
    photoRow->addWidget(m_photoLabel);
    photoRow->addLayout(photoButtons, 1);
    form->addRow(tr("Photo:"), photoRow);

    m_about = addCountedLine(form, tr("About:"), "about", ProfileRules::kAboutMax);
    m_about->setPlaceholderText(tr("One line under the name, e.g. Home goods · we deliver in Bogotá"));
    m_vertical = new QComboBox(box);
    m_vertical->setObjectName(QStringLiteral("vertical"));
    m_vertical->addItem(tr("(not set)"), QString());
    for (const QString &vertical : ProfileRules::verticals())
        m_vertical->addItem(ProfileRules::verticalName(vertical), vertical);
    connect(m_vertical, &QComboBox::currentIndexChanged, this, &BusinessProfileDialog::update);
    form->addRow(tr("Category:"), m_vertical);

    m_description = new QPlainTextEdit(box);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(m_description->fontMetrics().height() * 6);
    m_description->setAccessibleName(tr("Description"));
    m_descriptionCount = new QLabel(counterText(0, ProfileRules::kDescriptionMax), box);
    m_descriptionCount->setObjectName(QStringLiteral("descriptionCount"));
    m_descriptionCount->setForegroundRole(QPalette::PlaceholderText);
    connect(m_description, &QPlainTextEdit::textChanged, this, &BusinessProfileDialog::update);
    auto *descriptionRow = new QHBoxLayout;
    descriptionRow->addWidget(m_description, 1);
    descriptionRow->addWidget(m_descriptionCount, 0, Qt::AlignBottom);
    form->addRow(tr("Description:"), descriptionRow);

    m_address = addCountedLine(form, tr("Address:"), "address", ProfileRules::kAddressMax);
    m_email = addCountedLine(form, tr("Email:"), "email", ProfileRules::kEmailMax);
    m_website1 = addCountedLine(form, tr("Website:"), "website1", ProfileRules::kWebsiteMax);
    m_website1->setPlaceholderText(QStringLiteral("https://"));
    m_website2 = addCountedLine(form, tr("Second website:"), "website2", ProfileRules::kWebsiteMax);
    m_website2->setPlaceholderText(tr("https://instagram.com/… (optional)"));

    auto *hours = new QLabel(hoursSummary, box);
    hours->setObjectName(QStringLiteral("hoursSummary"));
    hours->setWordWrap(true);
    auto *editHours = new QPushButton(tr("Opening hours and automatic replies…"), box);
    editHours->setObjectName(QStringLiteral("editHours"));
    connect(editHours, &QPushButton::clicked, this, &BusinessProfileDialog::openingHoursRequested);
    auto *hoursRow = new QVBoxLayout;
    hoursRow->addWidget(hours);
    hoursRow->addWidget(editHours, 0, Qt::AlignLeft);
    form->addRow(tr("Hours:"), hoursRow);
    return box;
}

void BusinessProfileDialog::load()
{
    if (m_client.config().accessToken.isEmpty() || m_client.config().phoneNumberId.isEmpty()) {
        // Nothing to ask WhatsApp yet: not a network problem, a step to take.
        say(tr("No WhatsApp number is connected yet. Connect it in Shop ▸ Connection to WhatsApp; then its profile can be "
               "read and changed here."));
        Q_EMIT loaded(false);
        return;
    }
    setBusy(tr("Reading the profile from WhatsApp…"));
    GraphJob *job = m_client.businessProfile();
    connect(job, &ApiJob::finished, this, [this](ApiJob *done) {
        m_busy = false;
        if (!done->succeeded()) {
            say(tr("Could not read the profile: %1").arg(done->error()->userMessage()));
            update();
            Q_EMIT loaded(false);
            return;
        }
        const BusinessProfile profile = BusinessProfile::fromJson(done->response());
        fill(profile);
        say(tr("This is the profile WhatsApp has now. Changes are sent when you press Save."));
        fetchPhoto(profile.profilePictureUrl);
        Q_EMIT loaded(true);
    });
}

void BusinessProfileDialog::fill(const BusinessProfile &profile)
{
    m_about->setText(profile.about);
    m_vertical->setCurrentIndex(qMax(0, m_vertical->findData(profile.vertical)));
    m_description->setPlainText(profile.description);
    m_address->setText(profile.address);
    m_email->setText(profile.email);
    m_website1->setText(profile.websites.value(0));
    m_website2->setText(profile.websites.value(1));
    update();
}

void BusinessProfileDialog::fetchPhoto(const QString &url)
{
    if (url.isEmpty() || !m_newPhoto.isEmpty())
        return;
    // Profile photo URLs are public (pps.whatsapp.net): no token is sent with them.
    auto *network = new QNetworkAccessManager(this);
    QNetworkReply *reply = network->get(QNetworkRequest(QUrl(url)));
    connect(reply, &QNetworkReply::finished, this, [this, reply, network] {
        QPixmap photo;
        if (reply->error() == QNetworkReply::NoError && photo.loadFromData(reply->readAll()) && m_newPhoto.isEmpty()) {
            m_photo = photo;
            update();
        }
        reply->deleteLater();
        network->deleteLater();
    });
}

QString BusinessProfileDialog::choosePhoto(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
    const QString type = QMimeDatabase().mimeTypeForFile(path).name();
    if (type != QLatin1String("image/jpeg") && type != QLatin1String("image/png"))
        return tr("The photo must be a JPEG or PNG image.");
    if (file.size() > kPhotoMaxBytes)
        return tr("The photo is %1 MB; WhatsApp takes up to 5 MB.").arg(QLocale().toString(double(file.size()) / (1024 * 1024), 'f', 1));
    const QByteArray data = file.readAll();
    QPixmap photo;
    if (!photo.loadFromData(data))
        return tr("The photo could not be read as an image.");
    m_newPhoto = data;
    m_newPhotoType = type;
    m_newPhotoName = QFileInfo(path).fileName();
    m_photo = photo;
    update();
    if (qMin(photo.width(), photo.height()) < kPhotoMinSide)
        return tr("New photo chosen; it is small (%1×%2) and may look blurry. Press Save to send it.")
            .arg(photo.width())
            .arg(photo.height());
    return tr("New photo chosen. Press Save to send it.");
}

BusinessProfile BusinessProfileDialog::edited() const
{
    BusinessProfile profile;
    profile.about = m_about->text().trimmed();
    profile.vertical = m_vertical->currentData().toString();
    profile.description = m_description->toPlainText().trimmed();
    profile.address = m_address->text().trimmed();
    profile.email = m_email->text().trimmed();
    for (QLineEdit *site : {m_website1, m_website2}) {
        if (!site->text().trimmed().isEmpty())
            profile.websites << site->text().trimmed();
    }
    return profile;
}

void BusinessProfileDialog::save()
{
    if (m_busy || !ProfileRules::canSave(ProfileRules::check(edited())))
        return;
    if (m_newPhoto.isEmpty()) {
        sendProfile({});
        return;
    }
    if (m_client.config().appId.isEmpty()) {
        say(tr("To change the photo Mostrador needs the app ID from Meta's dashboard (Shop ▸ Connection to WhatsApp). "
               "The other fields can be saved without it: remove the new photo by reopening this window."));
        Q_EMIT saved(false);
        return;
    }
    setBusy(tr("Sending the photo…"));
    m_progress->setRange(0, int(m_newPhoto.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    ResumableUploadJob *upload = m_client.uploadForHandle(m_newPhoto, m_newPhotoType, m_newPhotoName);
    connect(upload, &ApiJob::transferProgress, m_progress, [this](qint64 done, qint64) { m_progress->setValue(int(done)); });
    connect(upload, &ApiJob::finished, this, [this, upload](ApiJob *) {
        if (!upload->succeeded()) {
            m_busy = false;
            m_progress->setVisible(false);
            say(tr("The photo was not sent: %1 Nothing was changed.").arg(upload->error()->userMessage()));
            update();
            Q_EMIT saved(false);
            return;
        }
        sendProfile(upload->handle());
    });
}

void BusinessProfileDialog::sendProfile(const QString &photoHandle)
{
    setBusy(tr("Saving the profile…"));
    BusinessProfile profile = edited();
    profile.profilePictureHandle = photoHandle;
    GraphJob *job = m_client.updateBusinessProfile(profile);
    connect(job, &ApiJob::finished, this, [this, photoHandle](ApiJob *done) {
        m_busy = false;
        m_progress->setVisible(false);
        if (!done->succeeded()) {
            say(tr("The profile was not saved: %1").arg(done->error()->userMessage()));
            update();
            Q_EMIT saved(false);
            return;
        }
        if (!photoHandle.isEmpty())
            m_newPhoto.clear();
        say(tr("Saved. Customers see the new profile in WhatsApp within a few minutes."));
        update();
        Q_EMIT saved(true);
    });
}

void BusinessProfileDialog::update()
{
    const BusinessProfile profile = edited();
    const QList<ProfileRules::Problem> problems = ProfileRules::check(profile);
    QStringList lines;
    for (const ProfileRules::Problem &problem : problems)
        lines << (problem.blocking ? QStringLiteral("⚠ ") : QStringLiteral("ℹ ")) + problem.message;
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
    m_descriptionCount->setText(counterText(m_description->toPlainText().trimmed().size(), ProfileRules::kDescriptionMax));
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!m_busy && ProfileRules::canSave(problems));
    m_choosePhoto->setEnabled(!m_busy);
    m_photoLabel->setPixmap(m_photo.isNull() ? QPixmap() : m_photo.scaled(m_photoLabel->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    m_preview->show(m_shopName, profile, m_photo);
}

void BusinessProfileDialog::setBusy(const QString &status)
{
    m_busy = true;
    say(status);
    update();
}

void BusinessProfileDialog::say(const QString &status)
{
    m_status->setText(status);
}

} // namespace Mostrador
