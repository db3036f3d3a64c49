#include "profilepreview.h"

#include "api/profilerules.h"

#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

constexpr int kPhotoSize = 96;

QPixmap roundPhoto(const QPixmap &photo, const QString &name, const QPalette &palette)
{
    QPixmap round(kPhotoSize, kPhotoSize);
    round.fill(Qt::transparent);
    QPainter painter(&round);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath circle;
    circle.addEllipse(0, 0, kPhotoSize, kPhotoSize);
    painter.setClipPath(circle);
    if (photo.isNull()) {
        painter.fillRect(round.rect(), palette.color(QPalette::Mid));
        QFont font = painter.font();
        font.setPixelSize(kPhotoSize / 3);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(palette.color(QPalette::Light));
        painter.drawText(round.rect(), Qt::AlignCenter, name.left(1).toUpper());
    } else {
        const QPixmap scaled = photo.scaled(kPhotoSize, kPhotoSize, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        painter.drawPixmap((kPhotoSize - scaled.width()) / 2, (kPhotoSize - scaled.height()) / 2, scaled);
    }
    return round;
}

} // namespace

ProfilePreview::ProfilePreview(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("profilePreview"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    m_photo = new QLabel(this);
    m_photo->setAlignment(Qt::AlignCenter);
    m_name = new QLabel(this);
    m_name->setAlignment(Qt::AlignCenter);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_name->setFont(big);
    m_about = new QLabel(this);
    m_about->setObjectName(QStringLiteral("previewAbout"));
    m_about->setAlignment(Qt::AlignCenter);
    m_about->setWordWrap(true);
    m_about->setForegroundRole(QPalette::PlaceholderText);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("previewDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(m_photo);
    layout->addWidget(m_name);
    layout->addWidget(m_about);
    layout->addSpacing(10);
    layout->addWidget(m_details);
    layout->addStretch();
}

void ProfilePreview::show(const QString &name, const BusinessProfile &profile, const QPixmap &photo)
{
    m_photo->setPixmap(roundPhoto(photo, name, palette()));
    m_name->setText(name);
    m_about->setText(profile.about);
    QStringList rows;
    const auto row = [&rows](const QString &value) {
        if (!value.trimmed().isEmpty())
            rows << value.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    };
    if (!profile.vertical.isEmpty())
        rows << QStringLiteral("<b>%1</b>").arg(ProfileRules::verticalName(profile.vertical).toHtmlEscaped());
    row(profile.description);
    const QString labelColor = palette().color(QPalette::PlaceholderText).name();
    const auto labelled = [&rows, &labelColor](const QString &label, const QString &value) {
        if (!value.trimmed().isEmpty())
            rows << QStringLiteral("<span style='color:%1'>%2</span><br>%3").arg(labelColor, label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    labelled(tr("Address"), profile.address);
    labelled(tr("Email"), profile.email);
    for (const QString &site : profile.websites)
        labelled(tr("Website"), site);
    m_details->setText(rows.join(QStringLiteral("<br><br>")));
}

} // namespace Mostrador
