#pragma once

#include <QObject>

namespace Mostrador {

class MainWindow;
class ShopServices;

// Coexistence: the number is also in the WhatsApp Business app on the owner's phone. Asked
// once (Shop ▸ Connection), Meta sends the app's contacts and up to 180 days of its chats; this
// asks, and says in the status bar how far the history has come, or that the owner declined.
class AppHistorySync final : public QObject
{
    Q_OBJECT

public:
    AppHistorySync(ShopServices &shop, MainWindow &window, QObject *parent = nullptr);

    // After the person confirmed (it can be asked only once): contacts, then history.
    void request();
    // Asks the person first, with what it does and that it is once only.
    void askAndRequest();

    // "Bringing your history from the WhatsApp Business app: 55 %", or empty when never asked.
    [[nodiscard]] QString status() const;
    [[nodiscard]] bool wasRequested() const;
    // Says status() in the status bar (again after the language changes).
    void update();

private:

    ShopServices &m_shop;
    MainWindow &m_window;
    bool m_activeHere = false; // asked, or history arrived, since this window opened
};

} // namespace Mostrador
