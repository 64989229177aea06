package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Values that look right for a column's name: what CHECKs on such columns usually demand (an email has an {@code @}
 * and a dot, a country code two capitals, a colour a {@code #} and hex digits). Only candidates: PostgreSQL judges.
 */
final class NameHints {

    /** Name fragments (matched against the name's words) and their typical values. */
    private static final List<Map.Entry<List<String>, List<String>>> HINTS = List.of( // ordered: seeding is repeatable
            Map.entry(List.of("email", "mail", "e_mail"), List.of("alice@example.com", "bob.smith@example.org",
                    "carol+news@mail.example.net", "dave_99@example.co.uk", "eve@example.io")),
            Map.entry(List.of("url", "uri", "link", "website", "homepage", "href", "avatar", "image", "webhook",
                    "callback", "endpoint", "site", "picture", "photo", "logo", "icon"),
                    List.of("https://example.com/", "https://www.example.org/path/page", "http://example.net",
                            "https://example.com/images/a.png", "https://example.com/hook?x=1")),
            Map.entry(List.of("phone", "mobile", "tel", "telephone", "fax", "msisdn", "cell"), List.of("+14155550123",
                    "4155550123", "+442079460958", "+1 415 555 0123", "(415) 555-0123", "415-555-0123", "0123456789")),
            Map.entry(List.of("slug", "handle", "permalink", "subdomain", "identifier", "key", "code", "name",
                    "nickname"), List.of("hello-world", "alpha", "alpha_beta", "a1", "abc-123", "team42")),
            Map.entry(List.of("login", "username", "user", "nick", "account", "screen"), List.of("alice", "bob_smith",
                    "carol99", "dave.k", "Eve")),
            Map.entry(List.of("country", "nationality", "iso"), List.of("US", "DE", "FR", "GB", "us", "USA", "DEU")),
            Map.entry(List.of("currency", "ccy"), List.of("USD", "EUR", "GBP", "JPY", "usd")),
            Map.entry(List.of("language", "lang", "locale"), List.of("en", "de", "en-US", "en_US", "pt-BR", "eng")),
            Map.entry(List.of("timezone", "tz", "zone"), List.of("UTC", "Europe/Berlin", "America/New_York")),
            Map.entry(List.of("color", "colour"), List.of("#ff0000", "#00FF00", "#abc", "ff8800", "red")),
            Map.entry(List.of("hex", "hash", "sha", "sha1", "sha256", "md5", "digest", "checksum", "fingerprint",
                    "token", "secret", "nonce", "commit", "sig", "signature"),
                    List.of("deadbeef", "0123456789abcdef0123456789abcdef",
                            "0123456789abcdef0123456789abcdef01234567",
                            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "abc1234")),
            Map.entry(List.of("uuid", "guid"), List.of("3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                    "3F2504E0-4F89-41D3-9A0C-0305E82C3301")),
            Map.entry(List.of("json", "data", "payload", "meta", "metadata", "settings", "config", "attributes",
                    "properties", "options", "params", "extra", "details", "body"),
                    List.of("{}", "{\"a\": 1}", "[]", "{\"name\": \"alpha\", \"enabled\": true}")),
            Map.entry(List.of("ip", "addr", "address", "host"), List.of("192.168.0.1", "10.0.0.1", "::1",
                    "example.com")),
            Map.entry(List.of("zip", "postal", "postcode", "zipcode"), List.of("12345", "12345-6789", "SW1A 1AA",
                    "75001")),
            Map.entry(List.of("version", "semver", "release"), List.of("1.0.0", "v1.2.3", "2.10.1", "1.0")),
            Map.entry(List.of("mime", "content_type", "media"), List.of("text/plain", "application/json",
                    "image/png")),
            Map.entry(List.of("status", "state", "kind", "type", "role", "level", "priority", "stage", "visibility"),
                    List.of("active", "pending", "draft", "published", "new", "open", "closed", "public", "admin",
                            "user", "low", "medium", "high")),
            Map.entry(List.of("year"), List.of("2024", "1999")),
            Map.entry(List.of("ssn", "tax", "vat", "iban"), List.of("123-45-6789", "DE89370400440532013000",
                    "GB82WEST12345698765432")));

    private NameHints() {
    }

    /** Values typical for a column of this name, in the order of the name's words. */
    static List<String> forColumn(String columnName) {
        String lower = columnName.toLowerCase(Locale.ROOT);
        List<String> words = List.of(lower.split("[^a-z0-9]+"));
        List<String> values = new ArrayList<>();
        for (Map.Entry<List<String>, List<String>> hint : HINTS) {
            boolean matches = hint.getKey().stream()
                    .anyMatch(fragment -> words.contains(fragment) || lower.equals(fragment)
                            || (fragment.length() >= 4 && lower.contains(fragment)));
            if (matches) {
                values.addAll(hint.getValue());
            }
        }
        return values;
    }
}
