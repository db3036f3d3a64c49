#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace Mostrador {

// A campaign's list of customers from a spreadsheet: a phone column in any form people write
// numbers ("300 111 2233", "+52 1 55…", "(011) 15-2345-6789"), and optional name and variable
// columns, and an opt-in column ("Acepta promociones", "Opt-in") when the shop keeps consent.
// Rows whose number cannot be read are kept aside with their line and the reason.
class AudienceList
{
    Q_DECLARE_TR_FUNCTIONS(AudienceList)

public:
    struct Row {
        int line = 0;
        QString waId;
        QString region;
        QString name;
        QHash<QString, QString> values; // every column by its header, lowercased
        bool optIn = false;             // an opt-in column says yes ("sí", "x", "1", "yes")
    };
    struct Problem {
        int line = 0;
        QString text;
    };

    QList<Row> rows;
    QList<Problem> unreadable;

    // Nothing, with the reason in `error`, when the file has no phone column.
    [[nodiscard]] static std::optional<AudienceList> read(QIODevice &device, const QString &defaultRegion, QString *error);
    [[nodiscard]] static std::optional<AudienceList> read(const QString &path, const QString &defaultRegion, QString *error);
};

} // namespace Mostrador
