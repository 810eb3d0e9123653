package org.apdm.cli;

/** Numbers the demo's steps across the classes that print them. */
final class DemoSteps {

    private int step;

    String title(String text) {
        return "Step " + (++step) + ": " + text;
    }
}
