package io.slotbridge.sync.web;

import io.slotbridge.platform.admin.AdminAccess;
import io.slotbridge.sync.app.DecisionEntry;
import io.slotbridge.sync.app.MeetingStates;
import io.slotbridge.sync.config.SyncProperties;
import io.slotbridge.sync.domain.MeetingState;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/leads/{tenant}/{leadId}}: a lead's meeting state and recent decisions, for the console. */
@RestController
public class AdminLeadController {

    private static final Logger log = LoggerFactory.getLogger(AdminLeadController.class);

    private final MeetingStates states;
    private final ObjectProvider<AdminAccess> access;
    private final SyncProperties properties;

    public AdminLeadController(MeetingStates states, ObjectProvider<AdminAccess> access, SyncProperties properties) {
        this.states = states;
        this.access = access;
        this.properties = properties;
    }

    /**
     * @param state everything sync knows (meetings with observed and wanted slot, CRM target, commands in flight)
     * @param history the newest decisions first
     */
    public record LeadMeetings(String summary, MeetingState state, List<DecisionEntry> history) {}

    @GetMapping("/admin/leads/{tenant}/{leadId}")
    public ResponseEntity<?> lead(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String tenant,
            @PathVariable String leadId) {
        AdminAccess admin;
        try {
            admin = access.getObject();
        } catch (BeansException e) {
            log.warn(
                    "admin API called but disabled: {}",
                    e.getMostSpecificCause().getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "the admin API is off: set SLOTBRIDGE_ADMIN_TOKEN (at least 16 characters)"));
        }
        if (!admin.isAdmin(authorization)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED, "send Authorization: Bearer <SLOTBRIDGE_ADMIN_TOKEN>");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(problem);
        }
        return states.find(tenant, leadId)
                .<ResponseEntity<?>>map(state -> ResponseEntity.ok(new LeadMeetings(
                        state.summary(), state, states.history(tenant, leadId, properties.historyShown()))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.NOT_FOUND,
                                "sync has no meeting state for lead '" + leadId + "' of tenant '" + tenant
                                        + "' (it has not seen a snapshot of it yet)")));
    }
}
