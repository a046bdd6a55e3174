package io.slotbridge.sandbox.core;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** Current fault settings per API; replaced as a whole, read without locks. */
@Component
public class FaultRegistry {

    private final Map<Api, Faults> faults = new EnumMap<>(Api.class);

    public FaultRegistry() {
        reset();
    }

    public synchronized Faults of(Api api) {
        return faults.get(api);
    }

    public synchronized void set(Api api, Faults value) {
        faults.put(api, value);
    }

    public synchronized Map<Api, Faults> all() {
        return new EnumMap<>(faults);
    }

    public synchronized void reset() {
        for (Api api : Api.values()) {
            faults.put(api, Faults.NONE);
        }
    }

    /** Whether this request should get an injected error. */
    public boolean injectError(Api api) {
        double ratio = of(api).errorRatio();
        return ratio > 0 && ThreadLocalRandom.current().nextDouble() < ratio;
    }

    /** Whether this outgoing webhook should be dropped. */
    public boolean dropWebhook(Api api) {
        double ratio = of(api).droppedWebhookRatio();
        return ratio > 0 && ThreadLocalRandom.current().nextDouble() < ratio;
    }
}
