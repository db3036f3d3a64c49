#include "newconversationdialog.h"

#include "identity/phonenumbers.h"
#include "customers/customerdirectorystore.h"

#include <QDialogButtonBox>
#include <QEvent>
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
    // The country's name in the language the window speaks ("México", "Mexico").
    const QLocale::Territory territory = QLocale::codeToTerritory(region);
    if (territory == QLocale::AnyTerritory)
        return region;
    const QLocale named(QLocale().language(), territory);
    return named.territory() == territory ? named.nativeTerritoryName() : QLocale::territoryToString(territory);
}

} // namespace

NewConversationDialog::NewConversationDialog(CustomerDirectoryStore &directory, const QString &defaultRegion, QWidget *parent)
    : QDialog(parent)
    , m_directory(directory)
    , m_region(defaultRegion)
    , m_search(new QLineEdit(this))
    , m_reading(new QLabel(this))
    , m_matches(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_open(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("newConversationDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_search->setObjectName(QStringLiteral("newConversationSearch"));
    m_search->setClearButtonEnabled(true);
    m_reading->setObjectName(QStringLiteral("newConversationReading"));
    m_reading->setWordWrap(true);
    m_matches->setObjectName(QStringLiteral("newConversationMatches"));
    m_rule = new QLabel(this);
    m_rule->setWordWrap(true);
    QPalette muted = m_rule->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_rule->setPalette(muted);
    m_open->setObjectName(QStringLiteral("openNewConversation"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_search);
    layout->addWidget(m_reading);
    layout->addWidget(m_matches, 1);
    layout->addWidget(m_rule);
    layout->addWidget(m_buttons);
    resize(460, 420);

    connect(m_search, &QLineEdit::textChanged, this, &NewConversationDialog::showMatches);
    connect(m_matches, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        m_recipient = item->data(kRecipientRole).toString();
        m_reading->setText(tr("Write to %1.").arg(item->text()));
        m_open->setEnabled(true);
    });
    connect(m_matches, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

void NewConversationDialog::retranslate()
{
    setWindowTitle(tr("New conversation"));
    m_intro->setText(tr("Type the customer's number as you would write it, or part of the name of a customer who "
                        "already wrote to the shop."));
    m_search->setPlaceholderText(tr("+52 55 1234 5678, 300 111 2233 or Lucía"));
    m_rule->setText(tr("WhatsApp lets a business write first only with an approved template: you choose it in the "
                       "message box, with its text filled in."));
    m_open->setText(tr("Open the conversation"));
    showMatches();
}

void NewConversationDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void NewConversationDialog::showMatches()
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
    m_open->setEnabled(!m_recipient.isEmpty());
}

} // namespace Mostrador
