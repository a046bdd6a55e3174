package io.slotbridge.sandbox.control;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.amocrm.AmoCrmStore;
import io.slotbridge.sandbox.amocrm.AmoPolicy;
import io.slotbridge.sandbox.bitrix24.BitrixStore;
import io.slotbridge.sandbox.core.ApiStats;
import io.slotbridge.sandbox.core.FaultRegistry;
import io.slotbridge.sandbox.core.RateLimits;
import io.slotbridge.sandbox.core.RequestLog;
import io.slotbridge.sandbox.core.TokenRegistry;
import io.slotbridge.sandbox.google.GoogleCalendarStore;
import io.slotbridge.sandbox.google.GooglePush;
import io.slotbridge.sandbox.wazzup.WazzupAccounts;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Forgets everything (accounts, tokens, faults, counters, blocks, channels) and, by default, seeds the demo again. */
@Component
public class SandboxReset implements SmartInitializingSingleton {

    private final AmoCrmStore amocrm;
    private final AmoPolicy amoPolicy;
    private final BitrixStore bitrix;
    private final GoogleCalendarStore google;
    private final GooglePush push;
    private final WazzupAccounts wazzup;
    private final TokenRegistry tokens;
    private final FaultRegistry faults;
    private final ApiStats stats;
    private final RequestLog requestLog;
    private final RateLimits rateLimits;
    private final DemoSeed seed;
    private final boolean seedOnStartup;

    public SandboxReset(
            AmoCrmStore amocrm,
            AmoPolicy amoPolicy,
            BitrixStore bitrix,
            GoogleCalendarStore google,
            GooglePush push,
            WazzupAccounts wazzup,
            TokenRegistry tokens,
            FaultRegistry faults,
            ApiStats stats,
            RequestLog requestLog,
            RateLimits rateLimits,
            DemoSeed seed,
            SandboxProperties properties) {
        this.amocrm = amocrm;
        this.amoPolicy = amoPolicy;
        this.bitrix = bitrix;
        this.google = google;
        this.push = push;
        this.wazzup = wazzup;
        this.tokens = tokens;
        this.faults = faults;
        this.stats = stats;
        this.requestLog = requestLog;
        this.rateLimits = rateLimits;
        this.seed = seed;
        this.seedOnStartup = properties.seedOnStartup();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (seedOnStartup) {
            seed.seed();
        }
    }

    public synchronized void reset(boolean seedDemo) {
        amocrm.clear();
        amoPolicy.reset();
        bitrix.clear();
        google.clear();
        push.clear();
        wazzup.clear();
        tokens.reset();
        faults.reset();
        stats.reset();
        requestLog.clear();
        rateLimits.reset();
        if (seedDemo) {
            seed.seed();
        }
    }
}
