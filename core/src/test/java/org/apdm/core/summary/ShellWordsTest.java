package org.apdm.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void aSuggestedWordIsQuotedOnlyWhenTheShellWouldSplitOrExpandIt() {
        assertEquals("H", ShellWords.quote("H"));
        assertEquals("L-eXtreme", ShellWords.quote("L-eXtreme"));
        assertEquals("\"UV/IR Cut\"", ShellWords.quote("UV/IR Cut"));
        assertEquals("\"C8E@f10.0+ZWO ASI2600MM Pro\"", ShellWords.quote("C8E@f10.0+ZWO ASI2600MM Pro"));
        assertEquals("\"a \\\"b\\\" \\$HOME\"", ShellWords.quote("a \"b\" $HOME"));
        assertEquals("\"\"", ShellWords.quote(""));
    }
}
