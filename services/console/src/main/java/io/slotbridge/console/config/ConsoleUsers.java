package io.slotbridge.console.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Form-login users from {@code slotbridge.console.users}. Only bcrypt hashes are accepted: a plain or {@code {noop}}
 * password stops the console at start-up with a message saying how to make a hash.
 */
final class ConsoleUsers {

    private static final Pattern BCRYPT = Pattern.compile("^(\\{bcrypt})?\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    static final String HOW_TO_HASH = "generate a hash with `java -cp console.jar " + PasswordHash.class.getName()
            + "` (or `htpasswd -bnBC 12 '' 'the-password' | tr -d ':\\n'`)";

    private ConsoleUsers() {}

    static InMemoryUserDetailsManager from(List<ConsoleProperties.User> users) {
        List<UserDetails> details = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            ConsoleProperties.User user = users.get(i);
            String where = "slotbridge.console.users[" + i + "] (" + user.username() + ")";
            if (!names.add(user.username())) {
                throw new IllegalStateException(where + ": the user name is listed twice");
            }
            String hash = user.passwordHash().strip();
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalStateException(
                        where + ": password-hash must be a bcrypt hash, never a plain password; " + HOW_TO_HASH);
            }
            details.add(User.withUsername(user.username())
                    .password(hash.startsWith("{bcrypt}") ? hash : "{bcrypt}" + hash)
                    .authorities(user.role().authorities())
                    .build());
        }
        return new InMemoryUserDetailsManager(details);
    }
}
