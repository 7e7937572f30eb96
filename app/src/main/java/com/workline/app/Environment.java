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

    private final Function<String, String> variables;
    private final PasswordPrompt prompt;

    public Environment(Function<String, String> variables, PasswordPrompt prompt) {
        this.variables = variables;
        this.prompt = prompt;
    }

    public static Environment system() {
        return new Environment(System::getenv, text -> {
            Console console = System.console();
            return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", text));
        });
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
