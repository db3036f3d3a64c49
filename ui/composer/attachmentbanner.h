#pragma once

#include "automation/quickreplies.h"

#include <QWidget>

class QLabel;

namespace Mostrador {

// Above the message box: the files a quick reply brings with it ("Goes with it: lista.pdf"),
// sent right after the text, with ✕ to leave them out.
class AttachmentBanner final : public QWidget
{
    Q_OBJECT

public:
    explicit AttachmentBanner(QWidget *parent = nullptr);

    void setFiles(const QList<QuickReplyFile> &files);
    [[nodiscard]] const QList<QuickReplyFile> &files() const { return m_files; }

Q_SIGNALS:
    void filesChanged();

private:
    QLabel *m_text = nullptr;
    QList<QuickReplyFile> m_files;
};

} // namespace Mostrador
