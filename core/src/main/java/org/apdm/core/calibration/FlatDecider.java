package org.apdm.core.calibration;

import java.time.LocalDate;
import java.util.List;

/**
 * Chooses a master flat of another night when the policy is to ask. The command line prompts; the window
 * shows a choice. A core operation never reads a terminal.
 */
@FunctionalInterface
public interface FlatDecider {

    /** Nobody to ask: every question stays open. */
    FlatDecider UNANSWERED = q -> Answer.unanswered();

    Answer choose(Question question);

    /**
     * A night without its own flat.
     *
     * @param rig     rig folder
     * @param night   the lights' night
     * @param filter  the lights' filter (null for none)
     * @param folder  the DATE folder of the lights, for the prompt
     * @param options nights of the same rig period that have a matching flat, nearest first
     */
    record Question(String rig, LocalDate night, String filter, String folder, List<Option> options) {
        public Question {
            options = List.copyOf(options);
        }
    }

    /**
     * @param date   the flat's night
     * @param days   days from the lights' night (negative: earlier)
     * @param flats  how many matching flats that night has (more than one is ambiguous)
     */
    record Option(LocalDate date, long days, int flats) {
    }

    /**
     * @param date     the chosen night, or null for none
     * @param answered false when nobody could be asked
     */
    record Answer(LocalDate date, boolean answered) {
        public static Answer use(LocalDate date) {
            return new Answer(date, true);
        }

        /** The user said none fits (the rig was changed). */
        public static Answer none() {
            return new Answer(null, true);
        }

        public static Answer unanswered() {
            return new Answer(null, false);
        }
    }
}
