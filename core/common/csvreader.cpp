#include "csvreader.h"

#include <QTextStream>

namespace Mostrador {

CsvReader::CsvReader(QIODevice &device)
    : m_in(std::make_unique<QTextStream>(&device))
{
    m_in->setEncoding(QStringConverter::Utf8);
}

CsvReader::~CsvReader() = default;

bool CsvReader::next(QStringList *fields)
{
    fields->clear();
    QString line;
    if (!m_in->readLineInto(&line))
        return false;
    ++m_line;
    m_rowLine = m_line;
    if (m_line == 1) {
        if (line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        const qsizetype commas = line.count(QLatin1Char(','));
        const qsizetype semicolons = line.count(QLatin1Char(';'));
        const qsizetype tabs = line.count(QLatin1Char('\t'));
        m_separator = tabs > commas && tabs > semicolons ? QLatin1Char('\t')
                    : semicolons > commas                ? QLatin1Char(';')
                                                         : QLatin1Char(',');
    }
    QString field;
    bool quoted = false;
    for (qsizetype i = 0;; ++i) {
        if (i == line.size()) {
            if (!quoted)
                break;
            // A line break inside quotes belongs to the field.
            QString more;
            if (!m_in->readLineInto(&more))
                break;
            ++m_line;
            field += QLatin1Char('\n');
            line = more;
            i = -1;
            continue;
        }
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            quoted = true;
            field.clear();
        } else if (c == m_separator) {
            *fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    *fields << field;
    return true;
}

} // namespace Mostrador
