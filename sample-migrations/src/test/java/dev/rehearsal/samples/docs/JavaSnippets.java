package dev.rehearsal.samples.docs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The {@code ```java} blocks of a Markdown file, compiled as a reader would paste them. A block is either a whole
 * compilation unit (imports and a top-level type), or imports followed by statements, which are compiled as the body
 * of a method. {@code ```java continued} appends a block's statements to the previous block of the file (one example
 * told in several steps); {@code ```java fragment} is not compiled, deliberately.
 */
final class JavaSnippets {

    private static final Pattern FENCE = Pattern.compile("^```java(?:\\s+(\\w+))?\\s*$");
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");

    /** One block: the Markdown file, the line of its first code line, its lines, and how it is marked. */
    record Snippet(Path file, int firstLine, List<String> lines, String mark) {

        boolean fragment() {
            return "fragment".equals(mark);
        }

        boolean continued() {
            return "continued".equals(mark);
        }
    }

    /** A compiler error at a line of a Markdown file. */
    record Failure(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private JavaSnippets() {
    }

    /** Every {@code ```java} block of the file, in order; other fenced blocks are skipped whole. */
    static List<Snippet> in(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).strip().equals("```")) {
                close++;
            }
            Matcher java = FENCE.matcher(line);
            if (java.matches()) {
                String mark = java.group(1) == null ? "" : java.group(1);
                if (!mark.isEmpty() && !mark.equals("fragment") && !mark.equals("continued")) {
                    throw new IllegalArgumentException(markdown + ":" + (i + 1) + ": ```java " + mark + " is not a "
                            + "known mark; write ```java, ```java continued or ```java fragment");
                }
                snippets.add(new Snippet(markdown, i + 2, List.copyOf(lines.subList(i + 1, close)), mark));
            }
            i = close;
        }
        return snippets;
    }

    /**
     * Compiles every snippet that is not a fragment against {@code classPath}, each on its own (a continued one with
     * those it continues), and returns the errors at their Markdown lines.
     */
    static List<Failure> compile(List<Snippet> snippets, String classPath, Path output) throws IOException {
        List<Failure> failures = new ArrayList<>();
        List<Snippet> example = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Snippet snippet = snippets.get(i);
            if (snippet.fragment()) {
                continue;
            }
            if (snippet.continued()) {
                if (example.isEmpty() || !example.get(0).file().equals(snippet.file())) {
                    failures.add(new Failure(snippet.file(), snippet.firstLine() - 1, "```java continued follows no "
                            + "```java block of the same file"));
                    continue;
                }
            } else {
                example = new ArrayList<>();
            }
            example.add(snippet);
            boolean continuedNext = i + 1 < snippets.size() && snippets.get(i + 1).continued()
                    && snippets.get(i + 1).file().equals(snippet.file());
            if (!continuedNext) {
                failures.addAll(compileOne(example, classPath, output.resolve("snippet-" + i)));
            }
        }
        failures.sort(Comparator.comparing(Failure::file).thenComparingInt(Failure::line));
        return failures;
    }

    private static List<Failure> compileOne(List<Snippet> parts, String classPath, Path output) throws IOException {
        Path file = parts.get(0).file();
        List<String> source = new ArrayList<>();
        List<Integer> origin = new ArrayList<>(); // the Markdown line of each source line; the fence for our own
        String typeName = null;
        for (Snippet part : parts) {
            for (String line : part.lines()) {
                Matcher type = TOP_LEVEL_TYPE.matcher(line);
                if (type.find() && typeName == null) {
                    typeName = type.group(1);
                }
            }
        }
        if (typeName != null) {
            for (Snippet part : parts) {
                for (int n = 0; n < part.lines().size(); n++) {
                    source.add(part.lines().get(n));
                    origin.add(part.firstLine() + n);
                }
            }
        } else {
            typeName = "Snippet";
            for (Snippet part : parts) { // imports first, from every part
                for (int n = 0; n < part.lines().size(); n++) {
                    if (part.lines().get(n).startsWith("import ")) {
                        source.add(part.lines().get(n));
                        origin.add(part.firstLine() + n);
                    }
                }
            }
            source.add("class Snippet { void snippet() throws Exception {");
            origin.add(parts.get(0).firstLine() - 1);
            for (Snippet part : parts) {
                for (int n = 0; n < part.lines().size(); n++) {
                    if (!part.lines().get(n).startsWith("import ")) {
                        source.add(part.lines().get(n));
                        origin.add(part.firstLine() + n);
                    }
                }
            }
            source.add("}}");
            origin.add(parts.get(parts.size() - 1).firstLine() + parts.get(parts.size() - 1).lines().size());
        }

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(output);
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + typeName + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return String.join("\n", source) + "\n";
            }
        };
        compiler.getTask(null, null, diagnostics, List.of("-classpath", classPath, "-d", output.toString(),
                "-proc:none", "-implicit:none", "-encoding", "UTF-8"), null, List.of(unit)).call();
        List<Failure> failures = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                long line = diagnostic.getLineNumber();
                int at = line >= 1 && line <= origin.size() ? origin.get((int) line - 1) : parts.get(0).firstLine();
                failures.add(new Failure(file, at, diagnostic.getMessage(Locale.ROOT).replace("\n", " ")));
            }
        }
        return failures;
    }
}
