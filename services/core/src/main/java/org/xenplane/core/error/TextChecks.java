package org.xenplane.core.error;

/**
 * What text Xenplane refuses to store or pass on: a NUL character (PostgreSQL cannot store it, and
 * C strings end at it) and a lone UTF-16 surrogate (not a character: it has no UTF-8 encoding).
 * Query and path parameters are also refused any other control character.
 */
public final class TextChecks {
    private TextChecks() {
    }

    /** Why a string from a JSON body is refused, or null when it is fine. */
    public static String bodyProblem(String s) {
        return problem(s, false);
    }

    /** Why a query or path parameter is refused, or null when it is fine. */
    public static String parameterProblem(String s) {
        return problem(s, true);
    }

    private static String problem(String s, boolean noControls) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "contains a NUL character (U+0000)";
            }
            if (noControls && (c < 0x20 || c == 0x7f)) {
                return String.format("contains the control character U+%04X", (int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("contains a lone UTF-16 surrogate (\\u%04x), which is not a character", (int) c);
            }
        }
        return null;
    }
}
