package com.workline.app;

import java.io.Console;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the command line reads from outside: environment variables and passwords typed at a prompt.
 * Injectable so that tests can drive every command without a terminal.
 */
public final class Environment {
    /** Reads a password without echo; empty when there is no terminal. */
    public interface PasswordPrompt {
        Optional<char[]> read(String prompt);
    }

    /** Reads one line typed in answer to a question; empty when there is no terminal. */
    public interface LinePrompt {
        Optional<String> read(String prompt);
    }

    private final Function<String, String> variables;
    private final PasswordPrompt prompt;
    private final LinePrompt lines;

    public Environment(Function<String, String> variables, PasswordPrompt prompt) {
        this(variables, prompt, text -> Optional.empty());
    }

    public Environment(Function<String, String> variables, PasswordPrompt prompt, LinePrompt lines) {
        this.variables = variables;
        this.prompt = prompt;
        this.lines = lines;
    }

    public static Environment system() {
        return new Environment(System::getenv, text -> {
            Console console = System.console();
            return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", text));
        }, text -> {
            Console console = System.console();
            return console == null ? Optional.empty() : Optional.ofNullable(console.readLine("%s", text));
        });
    }

    /** The same environment answering questions with {@code lines} (tests). */
    public Environment withLines(LinePrompt answers) {
        return new Environment(variables, prompt, answers);
    }

    /**
     * Asks a yes/no question in the terminal: true only for "y" or "yes". Without a terminal, a clear error
     * telling which option answers it instead.
     */
    public boolean confirm(String question, String option) {
        String answer = lines.read(question + " [y/N] ").orElseThrow(() -> new IllegalArgumentException(
                "Cannot ask \"" + question + "\" without a terminal: add " + option + " to answer yes."));
        String a = answer.trim().toLowerCase(java.util.Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(variables::get, text -> Optional.empty());
    }

    public Optional<String> variable(String name) {
        String value = variables.apply(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** From the environment variable if set, else from a prompt, else a clear error. */
    public char[] password(String variable, String promptText, boolean confirm) {
        Optional<String> fromEnvironment = variable(variable);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get().toCharArray();
        }
        char[] first = prompt.read(promptText).orElseThrow(() -> new IllegalArgumentException(
                "No password given: set " + variable + " or run the command in a terminal to be asked for it."));
        if (confirm) {
            char[] again = prompt.read("Repeat the password: ").orElse(new char[0]);
            if (!java.util.Arrays.equals(first, again)) {
                throw new IllegalArgumentException("The two passwords do not match.");
            }
        }
        return first;
    }
}
