package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes strings that a POSIX regular expression (as CHECKs use with {@code ~} and {@code ~*}) matches: literals,
 * {@code .}, bracket expressions with ranges and classes, {@code \d \w \s}, groups, alternation and the quantifiers
 * {@code * + ? {n} {n,} {n,m}}. Anchors are dropped (the sample is the whole match). Back references, lookaround
 * and the like make the pattern unreadable: {@link #of} returns {@code null} and the seeder relies on its other
 * candidates. PostgreSQL judges every sample anyway, so a sample that does not match costs nothing but a slot.
 */
final class RegexSample {

    private static final String FALLBACK_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_EXTRA_REPEATS = 3;

    private sealed interface Node permits Literal, CharSet, Sequence, Alternatives, Repeat {
    }

    private record Literal(char c) implements Node {
    }

    /** The characters a position accepts, listed (negated sets list the fallback alphabet minus the excluded). */
    private record CharSet(String chars) implements Node {
    }

    private record Sequence(List<Node> nodes) implements Node {
    }

    private record Alternatives(List<Node> branches) implements Node {
    }

    private record Repeat(Node node, int min, int max) implements Node {
    }

    private final Node root;

    private RegexSample(Node root) {
        this.root = root;
    }

    /** The sampler of a pattern, or {@code null} when the pattern uses what this reader does not know. */
    static RegexSample of(String pattern) {
        try {
            Parser parser = new Parser(pattern);
            Node node = parser.alternatives();
            return parser.at == pattern.length() ? new RegexSample(node) : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** A random matching string; {@code minimal} takes the fewest repetitions and the first branch. */
    String sample(SplittableRandom rnd, boolean minimal) {
        StringBuilder out = new StringBuilder();
        write(root, rnd, minimal, out);
        return out.toString();
    }

    private static void write(Node node, SplittableRandom rnd, boolean minimal, StringBuilder out) {
        if (node instanceof Literal literal) {
            out.append(literal.c());
        } else if (node instanceof CharSet set) {
            out.append(set.chars().charAt(minimal ? 0 : rnd.nextInt(set.chars().length())));
        } else if (node instanceof Sequence sequence) {
            sequence.nodes().forEach(n -> write(n, rnd, minimal, out));
        } else if (node instanceof Alternatives alternatives) {
            write(alternatives.branches().get(minimal ? 0 : rnd.nextInt(alternatives.branches().size())), rnd, minimal,
                    out);
        } else if (node instanceof Repeat repeat) {
            int extra = Math.min(repeat.max() - repeat.min(), MAX_EXTRA_REPEATS);
            int count = repeat.min() + (minimal || extra <= 0 ? 0 : rnd.nextInt(extra + 1));
            if (!minimal && repeat.min() == 0 && extra > 0 && count == 0) {
                count = 1; // optional parts are where the interesting characters (@, .) tend to be
            }
            for (int i = 0; i < count; i++) {
                write(repeat.node(), rnd, minimal, out);
            }
        }
    }

    private static final class Parser {
        private final String p;
        private int at;

        Parser(String pattern) {
            this.p = pattern;
        }

        Node alternatives() {
            List<Node> branches = new ArrayList<>();
            branches.add(sequence());
            while (at < p.length() && p.charAt(at) == '|') {
                at++;
                branches.add(sequence());
            }
            return branches.size() == 1 ? branches.get(0) : new Alternatives(branches);
        }

        Node sequence() {
            List<Node> nodes = new ArrayList<>();
            while (at < p.length() && p.charAt(at) != '|' && p.charAt(at) != ')') {
                char c = p.charAt(at);
                if (c == '^' || c == '$') {
                    at++;
                    continue;
                }
                Node atom = atom();
                nodes.add(quantified(atom));
            }
            return new Sequence(nodes);
        }

        Node atom() {
            char c = p.charAt(at++);
            return switch (c) {
                case '(' -> {
                    if (p.startsWith("?:", at)) {
                        at += 2;
                    } else if (at < p.length() && p.charAt(at) == '?') {
                        throw new IllegalArgumentException("lookaround");
                    }
                    Node inner = alternatives();
                    expect(')');
                    yield inner;
                }
                case '[' -> bracket();
                case '.' -> new CharSet("abcxyz");
                case '\\' -> escape(p.charAt(at++), false);
                case '*', '+', '?', '{' -> throw new IllegalArgumentException("quantifier without operand");
                default -> new Literal(c);
            };
        }

        Node escape(char c, boolean inBracket) {
            return switch (c) {
                case 'd' -> new CharSet("0123456789");
                case 'w' -> new CharSet("abcdefghijklmnopqrstuvwxyz0123456789_");
                case 's' -> new CharSet(" ");
                case 'D', 'W' -> new CharSet(c == 'D' ? "abcxyz" : "-");
                case 'S' -> new CharSet("abc");
                case 'y', 'm', 'M', 'A', 'Z' -> new Sequence(List.of()); // word and string boundaries
                default -> {
                    if (Character.isDigit(c) && !inBracket) {
                        throw new IllegalArgumentException("back reference");
                    }
                    yield new Literal(c == 'n' ? '\n' : c == 't' ? '\t' : c);
                }
            };
        }

        Node bracket() {
            boolean negated = at < p.length() && p.charAt(at) == '^';
            if (negated) {
                at++;
            }
            StringBuilder chars = new StringBuilder();
            boolean first = true;
            while (first || p.charAt(at) != ']') {
                first = false;
                char c = p.charAt(at++);
                if (c == '[' && p.charAt(at) == ':') {
                    int end = p.indexOf(":]", at);
                    chars.append(namedClass(p.substring(at + 1, end)));
                    at = end + 2;
                } else if (c == '\\') {
                    Node escaped = escape(p.charAt(at++), true);
                    chars.append(escaped instanceof CharSet set ? set.chars() : String.valueOf(((Literal) escaped).c()));
                } else if (at + 1 < p.length() && p.charAt(at) == '-' && p.charAt(at + 1) != ']') {
                    char to = p.charAt(at + 1);
                    at += 2;
                    for (char x = c; x <= to; x++) {
                        chars.append(x);
                    }
                } else {
                    chars.append(c);
                }
            }
            at++;
            if (negated) {
                StringBuilder allowed = new StringBuilder();
                for (char x : FALLBACK_ALPHABET.toCharArray()) {
                    if (chars.indexOf(String.valueOf(x)) < 0) {
                        allowed.append(x);
                    }
                }
                chars = allowed;
            }
            if (chars.isEmpty()) {
                throw new IllegalArgumentException("empty set");
            }
            return new CharSet(preferLetters(chars.toString()));
        }

        /** Letters and digits first, so that minimal samples look like words rather than punctuation. */
        private static String preferLetters(String chars) {
            StringBuilder ordinary = new StringBuilder();
            StringBuilder other = new StringBuilder();
            for (char c : chars.toCharArray()) {
                (Character.isLetterOrDigit(c) ? ordinary : other).append(c);
            }
            return ordinary.append(other).toString();
        }

        private static String namedClass(String name) {
            return switch (name) {
                case "alpha" -> "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
                case "upper" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                case "lower" -> "abcdefghijklmnopqrstuvwxyz";
                case "digit" -> "0123456789";
                case "xdigit" -> "0123456789abcdef";
                case "alnum", "word" -> "abcdefghijklmnopqrstuvwxyz0123456789";
                case "space", "blank" -> " ";
                case "punct" -> ".-_";
                default -> throw new IllegalArgumentException("class " + name);
            };
        }

        Node quantified(Node atom) {
            Node node = atom;
            while (at < p.length()) {
                char c = p.charAt(at);
                int min;
                int max;
                if (c == '*') {
                    min = 0;
                    max = Integer.MAX_VALUE;
                    at++;
                } else if (c == '+') {
                    min = 1;
                    max = Integer.MAX_VALUE;
                    at++;
                } else if (c == '?') {
                    min = 0;
                    max = 1;
                    at++;
                } else if (c == '{' && at + 1 < p.length() && Character.isDigit(p.charAt(at + 1))) {
                    int end = p.indexOf('}', at);
                    String[] bounds = p.substring(at + 1, end).split(",", -1);
                    min = Integer.parseInt(bounds[0].trim());
                    max = bounds.length == 1 ? min
                            : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].trim());
                    at = end + 1;
                } else {
                    return node;
                }
                if (at < p.length() && p.charAt(at) == '?') {
                    at++; // lazy: the same strings match
                }
                node = new Repeat(node, min, max);
            }
            return node;
        }

        void expect(char c) {
            if (p.charAt(at++) != c) {
                throw new IllegalArgumentException("expected " + c);
            }
        }
    }
}
