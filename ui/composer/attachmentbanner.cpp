#include "attachmentbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Mostrador {

AttachmentBanner::AttachmentBanner(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("attachmentBanner"));
    m_text->setObjectName(QStringLiteral("attachmentText"));
    m_text->setTextFormat(Qt::PlainText);
    auto *leaveOut = new QPushButton(QStringLiteral("✕"), this);
    leaveOut->setObjectName(QStringLiteral("leaveOutFiles"));
    leaveOut->setFlat(true);
    leaveOut->setMaximumWidth(28);
    leaveOut->setAccessibleName(tr("Do not send these files"));
    leaveOut->setToolTip(leaveOut->accessibleName());
    connect(leaveOut, &QPushButton::clicked, this, [this] { setFiles({}); });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(leaveOut);
    hide();
}

void AttachmentBanner::setFiles(const QList<QuickReplyFile> &files)
{
    m_files = files;
    QStringList names;
    for (const QuickReplyFile &file : files)
        names << file.name;
    m_text->setText(tr("Sent with the message: %1").arg(names.join(QStringLiteral(", "))));
    setVisible(!files.isEmpty());
    Q_EMIT filesChanged();
}

} // namespace Mostrador
