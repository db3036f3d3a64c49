#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Mostrador {

// A problem the person must see: a band across the window with the sentence (what happened and
// what to do) and a button to dismiss it. It stays until dismissed; a newer problem replaces it
// and says how many came before. Colours follow the light or dark appearance.
class NoticeBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit NoticeBanner(QWidget *parent = nullptr);

    void showNotice(const QString &text);
    [[nodiscard]] QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void dismiss();
    void applyColours();
    void retranslate();

    QLabel *m_text = nullptr;
    QToolButton *m_dismiss = nullptr;
    QString m_latest;
    int m_earlier = 0; // problems replaced by a newer one while shown
};

} // namespace Mostrador
