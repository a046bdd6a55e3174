package io.slotbridge.e2e;

/**
 * {@link FollowupScenarioA} for the Bitrix24 demo tenant {@value DemoTenant#BITRIX24}: a deal is the lead, its stage
 * {@code Квалифицирован} is the portal's {@code PREPARATION}.
 */
@OnTenant(DemoTenant.BITRIX24)
class Bitrix24FollowupScenarioAIT extends FollowupScenarioA {

    Bitrix24FollowupScenarioAIT(DemoTenant demo) {
        super(demo);
    }
}
