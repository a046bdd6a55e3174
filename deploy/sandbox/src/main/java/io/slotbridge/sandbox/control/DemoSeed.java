package io.slotbridge.sandbox.control;

import io.slotbridge.sandbox.amocrm.AmoCrmStore;
import io.slotbridge.sandbox.amocrm.AmoSeed;
import io.slotbridge.sandbox.bitrix24.BitrixSeed;
import io.slotbridge.sandbox.bitrix24.BitrixStore;
import io.slotbridge.sandbox.google.GoogleCalendarStore;
import io.slotbridge.sandbox.wazzup.WazzupAccounts;
import org.springframework.stereotype.Component;

/**
 * The demo tenants of DESIGN §8 (and deploy/tenants/demo.yml): amoCRM account {@code demo}, Bitrix24 portal
 * {@code demo-b24}, their Google calendars and Wazzup channels with the follow-up templates.
 */
@Component
public class DemoSeed {

    public static final String AMO_ACCOUNT = "demo";
    public static final String B24_PORTAL = "demo-b24";
    public static final String B24_APPLICATION_TOKEN = "demo-b24-token";
    public static final String CALENDAR = "kev-demo@group.calendar.google.com";
    public static final String B24_CALENDAR = "kev-demo-b24@group.calendar.google.com";
    public static final String WAZZUP_CHANNEL = "5e1b7c3a-0d4f-4a8e-9c21-6f0a2b3c4d5e";
    public static final String B24_WAZZUP_CHANNEL = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    public static final String WAZZUP_KEY = "demo-wazzup-key";
    public static final String B24_WAZZUP_KEY = "demo-b24-wazzup-key";

    private final AmoCrmStore amocrm;
    private final BitrixStore bitrix;
    private final GoogleCalendarStore google;
    private final WazzupAccounts wazzup;

    public DemoSeed(AmoCrmStore amocrm, BitrixStore bitrix, GoogleCalendarStore google, WazzupAccounts wazzup) {
        this.amocrm = amocrm;
        this.bitrix = bitrix;
        this.google = google;
        this.wazzup = wazzup;
    }

    public void seed() {
        AmoSeed.demoAccount(amocrm.create(AMO_ACCOUNT, 31_000_001L));
        BitrixSeed.demoPortal(bitrix.create(B24_PORTAL, BitrixSeed.memberId(B24_PORTAL), B24_APPLICATION_TOKEN));
        google.create(CALENDAR, "Встречи (demo)", "Europe/Moscow");
        google.create(B24_CALENDAR, "Встречи (demo-b24)", "Europe/Moscow");
        wazzup.addAccount(WAZZUP_KEY);
        wazzup.addAccount(B24_WAZZUP_KEY);
        wazzup.addChannel(new WazzupAccounts.Channel(WAZZUP_CHANNEL, "wapi", "79990000001", "active", WAZZUP_KEY));
        wazzup.addChannel(
                new WazzupAccounts.Channel(B24_WAZZUP_CHANNEL, "wapi", "79990000002", "active", B24_WAZZUP_KEY));
        template(
                "0b6c2d1e-0000-4000-8000-000000000000",
                "Первое сообщение",
                "Здравствуйте, {{1}}! Спасибо за заявку. Когда вам удобно созвониться?");
        template(
                "0b6c2d1e-0000-4000-8000-000000000001",
                "Аудио Михаила Николаевича",
                "{{1}}, Михаил Николаевич записал для вас короткое аудио о программе. Ответьте на это сообщение, чтобы"
                        + " его получить.");
        template(
                "0b6c2d1e-0000-4000-8000-000000000002",
                "Игнор",
                "{{1}}, мы не смогли до вас дозвониться. Напишите, когда вам удобно поговорить.");
        template(
                "0b6c2d1e-0000-4000-8000-000000000003",
                "Полный игнор",
                "{{1}}, напоминаем о себе последний раз. Если вопрос неактуален, просто ответьте «нет».");
    }

    /** An extra amoCRM account shaped like the demo one (other tenants, tests). */
    public void amocrmAccount(String subdomain) {
        AmoSeed.demoAccount(amocrm.create(subdomain, 31_000_000L + Math.abs(subdomain.hashCode() % 1_000_000)));
    }

    /** An extra Bitrix24 portal shaped like the demo one. */
    public void bitrixPortal(String portal, String applicationToken) {
        BitrixSeed.demoPortal(bitrix.create(portal, BitrixSeed.memberId(portal), applicationToken));
    }

    private void template(String guid, String title, String text) {
        wazzup.addTemplate(new WazzupAccounts.Template(guid, title, text, "approved"));
    }
}
