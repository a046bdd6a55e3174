package io.slotbridge.e2e;

/** {@link MeetingRules} for the amoCRM demo tenant {@value DemoTenant#AMOCRM}: a lead of the pipeline {@code Воронка}. */
class MeetingRulesIT extends MeetingRules {

    MeetingRulesIT(DemoTenant demo) {
        super(demo);
    }
}
