package org.apdm.core.fileops;

/** The result of one step; {@code detail} explains conflicts and failures. */
public record OperationOutcome(int index, FileOperation operation, Outcome outcome, String detail) {
}
