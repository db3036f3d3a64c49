#include "newconversationdialog.h"

#include "identity/phonenumbers.h"
#include "store/customerdirectory.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

constexpr int kRecipientRole = Qt::UserRole + 1;

QString countryName(const QString &region)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(region);
    return territory == QLocale::AnyTerritory ? region : QLocale().territoryToString(territory);
}

} // namespace

NewConversationDialog::NewConversationDialog(CustomerDirectory &directory, const QString &defaultRegion, QWidget *parent)
    : QDialog(parent)
    , m_directory(directory)
    , m_region(defaultRegion)
    , m_search(new QLineEdit(this))
    , m_reading(new QLabel(this))
    , m_matches(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newConversationDialog"));
    setWindowTitle(tr("New conversation"));
    auto *intro = new QLabel(tr("Type the customer's number as you would write it, or part of the name of a customer who "
                                "already wrote to the shop."),
                             this);
    intro->setWordWrap(true);
    m_search->setObjectName(QStringLiteral("newConversationSearch"));
    m_search->setPlaceholderText(tr("+52 55 1234 5678, 300 111 2233 or Lucía"));
    m_search->setClearButtonEnabled(true);
    m_reading->setObjectName(QStringLiteral("newConversationReading"));
    m_reading->setWordWrap(true);
    m_matches->setObjectName(QStringLiteral("newConversationMatches"));
    auto *rule = new QLabel(tr("WhatsApp lets a business write first only with an approved template: you choose it in the "
                               "message box, with its text filled in."),
                            this);
    rule->setWordWrap(true);
    QPalette muted = rule->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    rule->setPalette(muted);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Open the conversation"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("openNewConversation"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_search);
    layout->addWidget(m_reading);
    layout->addWidget(m_matches, 1);
    layout->addWidget(rule);
    layout->addWidget(m_buttons);
    resize(460, 420);

    connect(m_search, &QLineEdit::textChanged, this, &NewConversationDialog::update);
    connect(m_matches, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        m_recipient = item->data(kRecipientRole).toString();
        m_reading->setText(tr("Write to %1.").arg(item->text()));
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    });
    connect(m_matches, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

void NewConversationDialog::update()
{
    const QString text = m_search->text().trimmed();
    m_recipient.clear();
    m_matches->clear();
    StoreError error;
    for (const KnownCustomer &customer : m_directory.find(text, 50, &error)) {
        const QString identity = !customer.waId.isEmpty()       ? PhoneNumbers::displayed(customer.waId)
                                 : !customer.username.isEmpty() ? QLatin1Char('@') + customer.username
                                                                : customer.userId;
        auto *item = new QListWidgetItem(customer.name.isEmpty() ? identity : tr("%1 — %2").arg(customer.name, identity), m_matches);
        item->setData(kRecipientRole, customer.waId.isEmpty() ? customer.userId : customer.waId);
    }

    bool hasDigits = false;
    for (const QChar c : text)
        hasDigits = hasDigits || c.isDigit();
    if (hasDigits) {
        QString problem;
        if (const auto reading = PhoneNumbers::read(text, m_region, &problem)) {
            m_recipient = reading->waId;
            m_reading->setText(tr("Write to %1 (%2).").arg(PhoneNumbers::displayed(reading->waId), countryName(reading->region)));
        } else {
            m_reading->setText(problem);
        }
    } else {
        m_reading->setText(text.isEmpty() ? tr("Numbers without a country code are read as numbers of %1.").arg(countryName(m_region))
                                          : QString());
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_recipient.isEmpty());
}

} // namespace Mostrador
