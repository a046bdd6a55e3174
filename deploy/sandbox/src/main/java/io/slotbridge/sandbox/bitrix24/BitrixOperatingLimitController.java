package io.slotbridge.sandbox.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Control API for a portal's operating-time limits: {@code PUT /sandbox/bitrix24/{portal}/operating-limits/{method}}
 * with {@code {"limitSeconds": 480, "secondsPerCall": 20}} (either may be null), {@code GET} for the method's
 * {@code operating}, {@code operating_reset_at} and settings, {@code DELETE} to lift the limit and forget its usage.
 */
@RestController
@RequestMapping("/sandbox/bitrix24/{portal}/operating-limits/{method}")
public class BitrixOperatingLimitController {

    private final BitrixStore store;
    private final BitrixOperatingTime operating;

    public BitrixOperatingLimitController(BitrixStore store, BitrixOperatingTime operating) {
        this.store = store;
        this.operating = operating;
    }

    @PutMapping
    public Map<String, Object> set(
            @PathVariable String portal, @PathVariable String method, @RequestBody JsonNode body) {
        BitrixPortal target = store.portal(portal);
        operating.setBudget(
                target,
                method,
                new BitrixOperatingTime.Budget(number(body, "limitSeconds"), number(body, "secondsPerCall")));
        return operating.status(target, method);
    }

    @GetMapping
    public Map<String, Object> get(@PathVariable String portal, @PathVariable String method) {
        return operating.status(store.portal(portal), method);
    }

    @DeleteMapping
    public Map<String, Object> clear(@PathVariable String portal, @PathVariable String method) {
        BitrixPortal target = store.portal(portal);
        operating.clear(target, method);
        return operating.status(target, method);
    }

    private static Double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asDouble();
    }
}
