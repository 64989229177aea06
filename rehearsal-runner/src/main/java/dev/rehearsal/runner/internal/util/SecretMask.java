package dev.rehearsal.runner.internal.util;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces known secret values (passwords, secret placeholder values) in any text shown to people. Values shorter
 * than {@value #MIN_LENGTH} characters are not masked: masking "ab" everywhere would garble every message, and
 * such a value is no secret worth the name.
 */
public final class SecretMask {

    static final int MIN_LENGTH = 4;
    private static final SecretMask NONE = new SecretMask(Map.of());

    /** Each value with what replaces it, longest first so that a value containing another is masked whole. */
    private final Map<String, String> replacements;
    private final Pattern pattern;

    private SecretMask(Map<String, String> replacements) {
        this.replacements = replacements;
        this.pattern = replacements.isEmpty() ? null : Pattern.compile(replacements.keySet().stream()
                .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow());
    }

    public static SecretMask none() {
        return NONE;
    }

    /**
     * @param secrets each secret value and the text shown instead, e.g. {@code ${db_password}} or {@code ***}
     */
    public static SecretMask of(Map<String, String> secrets) {
        Map<String, String> kept = new LinkedHashMap<>();
        secrets.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().length() >= MIN_LENGTH)
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> {
                    kept.putIfAbsent(e.getKey(), e.getValue());
                    for (String form : escapedForms(e.getKey())) {
                        kept.putIfAbsent(form, e.getValue());
                    }
                });
        return kept.isEmpty() ? NONE : new SecretMask(kept);
    }

    /** Masks each value with {@code ***}. */
    public static SecretMask ofValues(Collection<String> values) {
        Map<String, String> secrets = new LinkedHashMap<>();
        values.stream().filter(Objects::nonNull).forEach(v -> secrets.put(v, "***"));
        return of(secrets);
    }

    public boolean isEmpty() {
        return replacements.isEmpty();
    }

    /** The text with every secret replaced; {@code null} stays {@code null}. */
    public String apply(String text) {
        if (text == null || pattern == null) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(replacements.get(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** How a value reads once escaped in JSON, XML or HTML, so that a renderer's escaping does not hide it. */
    private static List<String> escapedForms(String value) {
        String json = value.replace("\\", "\\\\").replace("\"", "\\\"");
        String markup = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
        String apostrophe = markup.replace("&#39;", "&apos;");
        return List.of(json, markup, apostrophe, value.replace("'", "''"));
    }
}
