package dev.rehearsal.runner.internal.provision;

import java.util.regex.Pattern;

/** Keeps passwords out of messages: JDBC URLs are shown with their password replaced. */
public final class Secrets {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private Secrets() {
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
