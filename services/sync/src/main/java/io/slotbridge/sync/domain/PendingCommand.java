package io.slotbridge.sync.domain;

import java.util.Objects;

/**
 * A command we issued whose effect we have not observed yet. While it is pending, the same value is not requested
 * again; a different value supersedes it.
 *
 * @param meetingNumber the meeting whose slot it writes; 0 for CRM aspects
 * @param requested the value asked for, in the aspect's comparable form (see {@link Desired})
 * @param expectedEtag the slot etag the command was based on ({@code If-Match}); null when unknown
 */
public record PendingCommand(
        String commandId, Aspect aspect, int meetingNumber, String requested, String expectedEtag) {

    public PendingCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(aspect, "aspect");
    }

    boolean concerns(Aspect other, int meeting) {
        return aspect == other && meetingNumber == meeting;
    }
}
