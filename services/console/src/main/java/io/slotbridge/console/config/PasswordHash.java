package io.slotbridge.console.config;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the bcrypt hash of a password for {@code slotbridge.console.users[].password-hash}. Reads the password
 * from the terminal without echo, or from standard input when piped, never from the command line (shell history).
 */
public final class PasswordHash {

    private PasswordHash() {}

    public static void main(String[] args) throws IOException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            password = typed == null ? "" : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < 12) {
            System.err.println("use a password of at least 12 characters");
            System.exit(2);
        }
        System.out.println("{bcrypt}" + new BCryptPasswordEncoder(12).encode(password));
    }
}
