#pragma once

#include <QStringList>

class QIODevice;
class QTextStream;

#include <memory>

namespace Mostrador {

// Rows of a CSV file as spreadsheets and address books write them: comma, semicolon or tab
// (decided by the first line), fields in quotes with commas, quotes ("") and line breaks inside,
// a BOM, CRLF. Read row by row.
class CsvReader final
{
public:
    explicit CsvReader(QIODevice &device);
    ~CsvReader();

    // The next row; false at the end.
    bool next(QStringList *fields);
    // The line the last row started on, from 1.
    [[nodiscard]] int line() const { return m_rowLine; }

private:
    std::unique_ptr<QTextStream> m_in;
    QChar m_separator;
    int m_line = 0;
    int m_rowLine = 0;
};

} // namespace Mostrador
