#pragma once

class QCoreApplication;

namespace Mostrador {

// Reads the sub-command (serve, sandbox, send, export) and runs it. Returns the exit code.
int runServerCommand(QCoreApplication &app);

} // namespace Mostrador
