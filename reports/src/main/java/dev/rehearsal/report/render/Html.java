package dev.rehearsal.report.render;

/**
 * Escaping of user data for HTML and inline SVG. Every string that comes from a report (SQL, identifiers, paths,
 * error messages) passes through {@link #esc(String)}; the markup around it is ours.
 */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and for quoted attribute values alike. */
    static String esc(String value) {
        String text = Text.legalChars(value);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 32).append(text, 0, i);
            }
            if (out != null) {
                if (replacement == null) {
                    out.append(text.charAt(i));
                } else {
                    out.append(replacement);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code <th scope="col">…</th>} for each heading, inside a {@code <tr>}. */
    static String headerRow(String... headings) {
        StringBuilder out = new StringBuilder("<tr>");
        for (String heading : headings) {
            out.append("<th scope=\"col\">").append(esc(heading)).append("</th>");
        }
        return out.append("</tr>\n").toString();
    }

    /** {@code <td>} with escaped text. */
    static String td(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    /** {@code <td class="num">} for numbers, right-aligned by the style sheet. */
    static String num(String text) {
        return "<td class=\"num\">" + esc(text) + "</td>";
    }

    /** Code (SQL) in a cell or block, kept verbatim. */
    static String code(String text) {
        return "<code>" + esc(text) + "</code>";
    }

    /** A pass/fail/status badge: the word is always written, colour only underlines it. */
    static String badge(String cssClass, String word) {
        return "<span class=\"badge " + cssClass + "\">" + esc(word) + "</span>";
    }
}
