package dev.rehearsal.runner.internal.provision;

import java.util.regex.Pattern;

/**
 * Keeps passwords out of messages: JDBC URLs are shown with their password replaced, and placeholders whose name
 * says they hold a secret ({@code db_password}, {@code apiToken}, {@code SECRET_KEY}, …) are never shown by value.
 */
public final class Secrets {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(pass|pwd|secret|token|credential|private|auth|api_?key|(^|[^a-z])key$).*");

    private Secrets() {
    }

    /** Whether a placeholder of this name holds a secret, going by the words in its name. */
    public static boolean looksSecret(String placeholderName) {
        return placeholderName != null && SECRET_NAME.matcher(placeholderName).matches();
    }

    /** The URL with any password replaced by {@code ***}. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String redacted = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(redacted).replaceAll("$1***@");
    }
}
