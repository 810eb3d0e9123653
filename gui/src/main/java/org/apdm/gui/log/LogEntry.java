package org.apdm.gui.log;

import java.time.LocalTime;

/** One line of the operation log: when, which operation, and the line as the command line prints it. */
public record LogEntry(LocalTime time, String operation, String line, boolean problem) {
}
