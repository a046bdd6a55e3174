package io.slotbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ОП-2 scenario A end to end: a lead that sits in {@code Квалифицирован} for a day without a meeting gets the
 * WhatsApp templates and call tasks of the sequence on the shared simulated clock, and is closed {@code Отказ. Сделка
 * закрыта} / {@code Нет контакта}; a lead the curator books meanwhile stops its own run and nobody else's. The same
 * scenario for every CRM (see the subclasses).
 */
@ExtendWith(SlotbridgeExtension.class)
abstract class FollowupScenarioA {

    static final String STAGE_QUALIFIED = "Квалифицирован";

    private static final List<String> CALLS = List.of(
            "ОП-2: позвонить клиенту и назначить встречу",
            "ОП-2: клиент не ответил — позвонить ещё раз",
            "ОП-2: последний звонок перед закрытием лида");
    /** Первое сообщение, then Аудио Михаила Николаевича, Игнор, Полный игнор (deploy/tenants/demo.yml). */
    private static final List<String> TEMPLATES = List.of(
            "0b6c2d1e-0000-4000-8000-000000000000",
            FollowupScenarioB.TEMPLATES.get(0),
            FollowupScenarioB.TEMPLATES.get(1),
            FollowupScenarioB.TEMPLATES.get(2));

    private final DemoTenant demo;
    private final FollowupRuns runs;

    FollowupScenarioA(DemoTenant demo) {
        this.demo = demo;
        this.runs = new FollowupRuns(demo);
    }

    @Test
    void aLeadIdleInQualifiedRunsScenarioAToNoContactAndBookingStopsOnlyTheBookedLead() {
        DemoTenant.Lead silent = demo.newLead(DemoTenant.CURATOR);
        DemoTenant.Lead booked = demo.newLead(DemoTenant.CURATOR);
        demo.crm.moveTo(silent.id(), STAGE_QUALIFIED);
        demo.crm.moveTo(booked.id(), STAGE_QUALIFIED);
        // the day of idleness counts from when the follow-up learned of the stage: only then may the clock move
        awaitFollowupSeesQualified(silent.id());
        awaitFollowupSeesQualified(booked.id());
        assertThat(runs.of(silent.id())).as("no run before a day has passed").isEmpty();

        demo.running.clock().advance(Duration.ofHours(25));
        runs.awaitScenario("A", silent.id());
        runs.awaitScenario("A", booked.id());

        demo.crm.book(booked.id(), demo.tomorrowAt(12), "Маша", "B", "Хочет сменить профессию");
        DemoTenant.patiently("the booked lead's run stopped")
                .until(() -> runs.of(booked.id()).orElseThrow(), run -> "STOPPED".equals(run.status()));
        assertThat(runs.of(booked.id()).orElseThrow().stopReason()).isEqualTo("meeting-scheduled");

        runs.assertRunsToNoContact(silent, CALLS, TEMPLATES);

        assertThat(demo.crm.read(booked.id()).stage()).isEqualTo(DemoTenant.STAGE_BOOKED);
        assertThat(demo.crm.tasks(booked.id())).doesNotContain(CALLS.get(1), CALLS.get(2));
    }

    /** The follow-up's own record of the lead's stage (its database), so the test knows when the idle day starts. */
    private void awaitFollowupSeesQualified(long leadId) {
        DemoTenant.patiently("the follow-up knows lead " + leadId + " is " + STAGE_QUALIFIED)
                .until(() -> followupStage(leadId), STAGE_QUALIFIED::equals);
    }

    private String followupStage(long leadId) throws SQLException {
        try (Connection db = DriverManager.getConnection(demo.running.jdbcUrl(), "postgres", "");
                PreparedStatement query =
                        db.prepareStatement("select stage from followup.lead_state where tenant = ? and lead_id = ?")) {
            query.setString(1, demo.name);
            query.setString(2, Long.toString(leadId));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
