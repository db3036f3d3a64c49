#include "firstrundialog.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

FirstRunDialog::FirstRunDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Welcome to Mostrador"));
    auto *title = new QLabel(tr("Your shop's WhatsApp, on this computer"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto *text = new QLabel(tr("How do you want to start? You can connect your number later from the Shop menu."), this);
    text->setWordWrap(true);
    auto *demo = new QCommandLinkButton(tr("Try the demo"),
                                        tr("Pretend customers write in; nothing reaches anyone. No Meta account needed."), this);
    demo->setObjectName(QStringLiteral("tryDemo"));
    auto *connectNumber = new QCommandLinkButton(tr("Connect my number"),
                                                 tr("Step by step, with where to find each value in Meta's dashboard. "
                                                    "About 15 minutes."),
                                                 this);
    connectNumber->setObjectName(QStringLiteral("connectNumber"));
    auto *later = new QPushButton(tr("Later"), this);
    later->setObjectName(QStringLiteral("later"));
    connect(demo, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Demo;
        accept();
    });
    connect(connectNumber, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Connect;
        accept();
    });
    connect(later, &QPushButton::clicked, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addSpacing(8);
    layout->addWidget(demo);
    layout->addWidget(connectNumber);
    layout->addWidget(later, 0, Qt::AlignRight);
    resize(520, 320);
}

} // namespace Mostrador
