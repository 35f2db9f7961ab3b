#pragma once

namespace scs {

// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts afterwards, so
// they are only ever taken by WaitForShutdownSignal. Call first thing in main().
void BlockShutdownSignals();

// Waits until SIGINT or SIGTERM arrives; returns the signal number.
int WaitForShutdownSignal();

}  // namespace scs
