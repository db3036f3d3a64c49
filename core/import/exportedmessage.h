#pragma once

#include "messaging/messagetypes.h"

#include <QDateTime>
#include <QString>

namespace Mostrador {

// One message as a phone's "Export chat" file wrote it.
struct ExportedMessage {
    enum class Media {
        None,
        Attached, // the file is named in the text (and is in the .zip when the export had media)
        Omitted,  // "<Media omitted>", "image omitted": exported without media
    };

    int line = 0;          // where it starts in the file, from 1
    QDateTime time;        // in the zone the reader was given
    QString author;        // as the phone named them; empty for a system line
    QString text;          // lines after the first joined with '\n'; without media markers
    Media media = Media::None;
    QString attachment;    // the file's name in the export (Attached)
    MessageKind kind = MessageKind::Text; // System for a line with no author
    bool deleted = false;  // "This message was deleted"
    bool edited = false;   // "<This message was edited>"
};

} // namespace Mostrador
