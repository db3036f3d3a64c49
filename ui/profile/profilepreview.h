#pragma once

#include "api/apitypes.h"

#include <QFrame>
#include <QPixmap>

class QLabel;

namespace Mostrador {

// How the business profile looks to a customer who taps the shop's name in WhatsApp: photo,
// name, about, category, description, address, email and websites, in that order.
class ProfilePreview final : public QFrame
{
    Q_OBJECT

public:
    explicit ProfilePreview(QWidget *parent = nullptr);

    void show(const QString &name, const BusinessProfile &profile, const QPixmap &photo);

private:
    QLabel *m_photo = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_about = nullptr;
    QLabel *m_details = nullptr;
};

} // namespace Mostrador
