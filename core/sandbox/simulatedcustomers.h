#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>

namespace Mostrador {

class SandboxServer;

// Customers of a home-goods shop who write to the sandbox at a set pace: questions in Spanish
// (and some English), photos, locations, replies to templates, and now and then someone who
// arrives from a Click-to-WhatsApp ad. Every message goes out as a signed webhook.
class SimulatedCustomers final : public QObject
{
    Q_OBJECT

public:
    struct Step {
        QString type;         // wire type: text, image, location, button, interactive
        QJsonObject content;  // the type's object; for image, {"photo": "lampara.png", "caption": ...}
        QJsonObject referral; // set on a first message that came from an ad
    };

    struct Persona {
        QString waId;          // WhatsApp's form; empty for someone known only by userId
        QString name;
        QList<Step> steps;
        QString userId = {};   // business-scoped id
        QString username = {};

        [[nodiscard]] QString id() const { return waId.isEmpty() ? userId : waId; }
    };

    explicit SimulatedCustomers(SandboxServer &sandbox, quint32 seed = 2026, QObject *parent = nullptr);

    [[nodiscard]] static QList<Persona> defaultPersonas();

    // Messages per minute, across all customers.
    void setPace(double messagesPerMinute);
    void start();
    void stop();

    // Sends the next step of some customer now (what the timer does). Returns false when every
    // script has been played.
    bool sendNext();

    [[nodiscard]] int sent() const { return m_sent; }

Q_SIGNALS:
    void customerWrote(const QString &waId, const QString &wamid);

private:
    // The shop sent products: the customer asks about one, or sends a cart from the list.
    void answerProducts(const QString &wamid, const QJsonObject &body);

    SandboxServer &m_sandbox;
    QList<Persona> m_personas;
    QHash<QString, int> m_progress;
    QHash<QString, QString> m_photoIds;
    QRandomGenerator m_random;
    QTimer m_timer;
    int m_sent = 0;
};

} // namespace Mostrador
