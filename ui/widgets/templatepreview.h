#pragma once

#include <QFrame>
#include <QPixmap>
#include <QStringList>

class QLabel;
class QVBoxLayout;

namespace Mostrador {

// A template as the customer sees it in WhatsApp: a message bubble with its header (a line in
// bold, or the example image), the text with the values put in, the footer in grey, and its
// buttons under it.
class TemplatePreview final : public QFrame
{
    Q_OBJECT

public:
    explicit TemplatePreview(QWidget *parent = nullptr);

    void showMessage(const QString &header, const QPixmap &headerImage, const QString &body, const QString &footer,
              const QStringList &buttons);

private:
    QLabel *m_image = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_body = nullptr;
    QLabel *m_footer = nullptr;
    QVBoxLayout *m_buttons = nullptr;
};

} // namespace Mostrador
