package com.workline.persistence.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps English out of what persistence raises: every user-facing sentence is a key of the problems bundle, every key
 * used exists, and the German bundle has every key with the same placeholders.
 */
class ProblemKeysTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** Calls whose string-literal arguments reach the user. */
    private static final Pattern CALLS = Pattern.compile(
            "new WorklineException\\(|new ValidationException\\(|\\.check\\(|\\.require\\(|\\bText\\.of\\("
                    + "|\\bConcurrentEditException\\(|\\berrors\\.add\\(|\\bOptional\\.of\\(|\\bMap\\.entry\\(|\\bsuper\\(");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+");
    /**
     * Server-passthrough sites (file name and literal) that may keep prose. DatabaseErrors' table of the sentences our
     * SQL functions raise is matched against the server text, never shown: its keys are checked below instead.
     */
    private static final Set<String> ALLOWED_PROSE = Set.of();

    @Test
    void persistenceRaisesKeysNotEnglish() throws IOException {
        Properties english = bundle("problems.properties");
        List<String> prose = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        int keysSeen = 0;
        for (Path file : javaFiles()) {
            String code = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
            boolean conflict = code.contains("extends ConcurrentEditException");
            boolean serverTable = file.endsWith(Path.of("db", "DatabaseErrors.java"));
            Matcher call = CALLS.matcher(code);
            while (call.find()) {
                String name = call.group();
                if (name.startsWith("super(") && !conflict || name.contains("Map.entry") && !serverTable) {
                    continue;
                }
                List<String> arguments = arguments(code, call.end());
                String where = file.getFileName() + ": " + code.substring(call.start(), Math.min(code.length(),
                        call.start() + 120)).replaceAll("\\s+", " ");
                List<String> keys = new ArrayList<>();
                if (name.contains("Map.entry")) {
                    keys.addAll(arguments.size() == 2 ? topLevelLiterals(arguments.get(1), false) : List.of());
                } else {
                    for (String argument : arguments) {
                        // a ValidationException's map (Map.of("field", "...")) is checked at every depth
                        for (String literal : topLevelLiterals(argument, name.contains("ValidationException"))) {
                            if (isProse(literal) && !ALLOWED_PROSE.contains(file.getFileName() + ":" + literal)) {
                                prose.add(where + "  ->  \"" + literal + "\"");
                            }
                        }
                    }
                    String keyArgument = null;
                    if (name.startsWith("Text.of") || name.startsWith("ConcurrentEditException") || name.startsWith("super")) {
                        keyArgument = arguments.isEmpty() ? null : arguments.get(0);
                    } else if (name.equals(".require(") && arguments.size() >= 3) {
                        keyArgument = arguments.get(2);
                    }
                    if (keyArgument != null) {
                        keys.addAll(keysIn(keyArgument.strip()));
                    }
                }
                for (String key : keys) {
                    keysSeen++;
                    if (!KEY.matcher(key).matches() || !english.containsKey(key)) {
                        missing.add(key + "  (" + where + ")");
                    }
                }
            }
        }
        assertThat(prose).as("English sentences raised in persistence: use a key of problems.properties").isEmpty();
        assertThat(missing).as("keys used in persistence but missing from problems.properties").isEmpty();
        assertThat(keysSeen).as("the scan finds the keys").isGreaterThan(100);
    }

    @Test
    void everyKeyIsTranslatedWithTheSamePlaceholders() throws IOException {
        Properties english = bundle("problems.properties");
        Properties german = bundle("problems_de.properties");
        List<String> problems = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String de = german.getProperty(key);
            if (!KEY.matcher(key).matches()) {
                problems.add(key + ": not a key name (<area>.<thing>.<problem>, lowerCamel segments)");
            }
            if (de == null) {
                problems.add(key + ": no German translation");
                continue;
            }
            for (String pattern : List.of(en, de)) {
                try {
                    new MessageFormat(pattern);
                } catch (IllegalArgumentException e) {
                    problems.add(key + ": not a MessageFormat pattern: " + pattern);
                }
            }
            if (!placeholders(en).equals(placeholders(de))) {
                problems.add(key + ": placeholders " + placeholders(en) + " in English but " + placeholders(de) + " in German");
            }
        }
        german.stringPropertyNames().stream().filter(k -> !english.containsKey(k))
                .forEach(k -> problems.add(k + ": only in the German bundle"));
        assertThat(problems).isEmpty();
    }

    @Test
    void bundlesAreAscii() throws IOException {
        for (String name : List.of("problems.properties", "problems_de.properties")) {
            try (InputStream in = resource(name)) {
                byte[] bytes = in.readAllBytes();
                for (byte b : bytes) {
                    assertThat(b).as(name + " is ASCII (use \\u escapes)").isGreaterThanOrEqualTo((byte) 0);
                }
            }
        }
    }

    @Test
    void rendersInEnglishAndGerman() {
        Text tooLong = Text.of("field.text.tooLong", 2000);
        assertThat(tooLong.english()).isEqualTo("At most 2000 characters.");
        assertThat(tooLong.render(java.util.Locale.GERMAN)).isEqualTo("H\u00f6chstens 2000 Zeichen.");
        assertThat(Text.of("admin.organization.nameRequired").english()).isEqualTo("Enter the organization's name.");
        assertThat(Text.of("crm.pipeline.stageHasOpenDeals", "Won", 1L).english())
                .isEqualTo("Stage \"Won\" still has 1 open deal: move them to another stage first.");
        assertThat(Text.of("crm.pipeline.stageHasOpenDeals", "Won", 3L).english())
                .isEqualTo("Stage \"Won\" still has 3 open deals: move them to another stage first.");
        assertThat(new ConcurrentEditException("record.customer").getMessage()).startsWith("Someone else changed the customer ");
    }

    private static Set<Integer> placeholders(String pattern) {
        String unquoted = pattern.replace("''", "").replaceAll("'[^']*'", "");
        Set<Integer> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(unquoted);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /** Prose: words with spaces, or a capitalised sentence; field names and keys are neither. */
    private static boolean isProse(String literal) {
        return literal.chars().anyMatch(Character::isWhitespace) || literal.matches("[A-Z][a-z].*");
    }

    /** The key literal (Text.of("key", ...)), or the keys a switch expression chooses (-> "key"). */
    private static List<String> keysIn(String argument) {
        if (argument.startsWith("\"")) {
            return topLevelLiterals(argument, false).subList(0, 1);
        }
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("->\\s*\"([^\"]*)\"").matcher(argument);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource(name)) {
            properties.load(in);
        }
        return properties;
    }

    private static InputStream resource(String name) {
        InputStream in = ProblemKeysTest.class.getResourceAsStream("/com/workline/persistence/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    /** The source with comments blanked out (string literals and text blocks kept). */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                int end = endOfLiteral(source, i);
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int endOfLiteral(String source, int start) {
        char quote = source.charAt(start);
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }

    /** The arguments of the call whose opening parenthesis ends at {@code from}, split at top-level commas. */
    static List<String> arguments(String code, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = from;
        int i = from;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                i = end < 0 ? code.length() : end + 3;
                continue;
            }
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    if (i > start || !arguments.isEmpty()) {
                        arguments.add(code.substring(start, i));
                    }
                    return arguments;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(code.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        return arguments;
    }

    /** The string literals (not text blocks) outside any parentheses of an argument (e.g. both of "a" + x + "b"), or all. */
    static List<String> topLevelLiterals(String argument, boolean anyDepth) {
        List<String> literals = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < argument.length()) {
            char c = argument.charAt(i);
            if (argument.startsWith("\"\"\"", i)) {
                int end = argument.indexOf("\"\"\"", i + 3);
                i = end < 0 ? argument.length() : end + 3;
                continue;
            }
            if (c == '"') {
                int end = endOfLiteral(argument, i);
                if (depth == 0 || anyDepth) {
                    literals.add(argument.substring(i + 1, end - 1).replace("\\\"", "\""));
                }
                i = end;
                continue;
            }
            if (c == '\'') {
                i = endOfLiteral(argument, i);
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
            i++;
        }
        return literals;
    }
}
