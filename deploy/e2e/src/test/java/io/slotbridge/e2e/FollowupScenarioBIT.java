package io.slotbridge.e2e;

/** {@link FollowupScenarioB} for the amoCRM demo tenant {@value DemoTenant#AMOCRM}. */
class FollowupScenarioBIT extends FollowupScenarioB {

    FollowupScenarioBIT(DemoTenant demo) {
        super(demo);
    }
}
