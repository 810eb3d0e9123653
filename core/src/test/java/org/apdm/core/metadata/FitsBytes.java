package org.apdm.core.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds FITS files card by card, for tests that need headers nom-tam-fits would refuse to write. */
final class FitsBytes {

    static final int BLOCK = 2880;
    static final int CARD = 80;

    private FitsBytes() {
    }

    /** One 80-byte card: the text padded with blanks. Characters above 0xFF are not allowed. */
    static String card(String text) {
        if (text.length() > CARD) {
            throw new IllegalArgumentException("card longer than 80 characters: " + text);
        }
        return String.format("%-80s", text);
    }

    /** The mandatory cards of a primary header without data. */
    static List<String> noData() {
        List<String> cards = new ArrayList<>();
        cards.add(card("SIMPLE  =                    T"));
        cards.add(card("BITPIX  =                    8"));
        cards.add(card("NAXIS   =                    0"));
        return cards;
    }

    /** The mandatory cards of a 16-bit image of {@code width x height}. */
    static List<String> image(int width, int height) {
        List<String> cards = new ArrayList<>();
        cards.add(card("SIMPLE  =                    T"));
        cards.add(card("BITPIX  =                   16"));
        cards.add(card("NAXIS   =                    2"));
        cards.add(card(String.format("NAXIS1  = %20d", width)));
        cards.add(card(String.format("NAXIS2  = %20d", height)));
        return cards;
    }

    /** The header: the cards (each a multiple of 80 characters), END, and blank padding to a whole block. */
    static byte[] header(List<String> cards) {
        StringBuilder sb = new StringBuilder();
        for (String c : cards) {
            if (c.length() % CARD != 0) {
                throw new IllegalArgumentException("not whole cards: " + c);
            }
            sb.append(c);
        }
        sb.append(card("END"));
        while (sb.length() % BLOCK != 0) {
            sb.append(' ');
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Header plus {@code dataBytes} zero bytes padded to a whole block. */
    static byte[] file(List<String> cards, int dataBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(cards));
        int padded = ((dataBytes + BLOCK - 1) / BLOCK) * BLOCK;
        out.writeBytes(new byte[padded]);
        return out.toByteArray();
    }

    /** A complete 16 x 16 16-bit image with the extra cards after the mandatory ones. */
    static byte[] smallImage(List<String> extraCards) {
        List<String> cards = image(16, 16);
        cards.addAll(extraCards);
        return file(cards, 16 * 16 * 2);
    }
}
