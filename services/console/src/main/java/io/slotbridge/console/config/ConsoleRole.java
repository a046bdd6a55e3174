package io.slotbridge.console.config;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Console roles: viewers look, operators also act (replay, discard, stop runs, connect accounts). */
public enum ConsoleRole {
    VIEWER,
    OPERATOR;

    public static final String VIEWER_AUTHORITY = "ROLE_VIEWER";
    public static final String OPERATOR_AUTHORITY = "ROLE_OPERATOR";

    /** An operator may do everything a viewer may, so it carries both authorities. */
    public List<GrantedAuthority> authorities() {
        return this == OPERATOR
                ? List.of(new SimpleGrantedAuthority(VIEWER_AUTHORITY), new SimpleGrantedAuthority(OPERATOR_AUTHORITY))
                : List.of(new SimpleGrantedAuthority(VIEWER_AUTHORITY));
    }
}
