package org.apdm.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formats of the report files. */
final class Numbers {

    private Numbers() {
    }

    /** At most {@code decimals} decimals, no trailing zeros: 120 → "120", 0.05 → "0.05", 100.0 → "100". */
    static String plain(Double d, int decimals) {
        if (d == null) {
            return null;
        }
        BigDecimal b = BigDecimal.valueOf(d).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    /** Hours with one decimal: 2.349 → "2.3". */
    static String hours(double h) {
        return BigDecimal.valueOf(h).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
