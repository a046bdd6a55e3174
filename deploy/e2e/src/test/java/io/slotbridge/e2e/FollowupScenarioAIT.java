package io.slotbridge.e2e;

/** {@link FollowupScenarioA} for the amoCRM demo tenant {@value DemoTenant#AMOCRM}. */
class FollowupScenarioAIT extends FollowupScenarioA {

    FollowupScenarioAIT(DemoTenant demo) {
        super(demo);
    }
}
