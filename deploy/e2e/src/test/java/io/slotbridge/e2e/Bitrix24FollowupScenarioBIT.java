package io.slotbridge.e2e;

/**
 * {@link FollowupScenarioB} for the Bitrix24 demo tenant {@value DemoTenant#BITRIX24}: call tasks are the deal's
 * to-dos, the closing is the portal's failure stage with the reason in its {@code Причина отказа} list.
 */
@OnTenant(DemoTenant.BITRIX24)
class Bitrix24FollowupScenarioBIT extends FollowupScenarioB {

    Bitrix24FollowupScenarioBIT(DemoTenant demo) {
        super(demo);
    }
}
