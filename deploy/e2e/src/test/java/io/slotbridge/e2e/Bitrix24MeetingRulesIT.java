package io.slotbridge.e2e;

/**
 * {@link MeetingRules} for the Bitrix24 demo tenant {@value DemoTenant#BITRIX24}: a deal of the portal's pipeline
 * {@code Воронка}, changed by its users through their own inbound webhooks, as when they click in the portal.
 */
@OnTenant(DemoTenant.BITRIX24)
class Bitrix24MeetingRulesIT extends MeetingRules {

    Bitrix24MeetingRulesIT(DemoTenant demo) {
        super(demo);
    }
}
