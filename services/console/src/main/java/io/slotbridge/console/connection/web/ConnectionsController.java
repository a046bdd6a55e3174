package io.slotbridge.console.connection.web;

import io.slotbridge.console.connection.app.ConnectionActions;
import io.slotbridge.console.connection.app.TenantConnections;
import io.slotbridge.console.web.Actors;
import io.slotbridge.console.web.Flash;
import java.util.function.BiFunction;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Connections of a tenant: health, connect links, webhook and watch set-up, configuration problems. */
@Controller
class ConnectionsController {

    private final TenantConnections connections;
    private final ConnectionActions actions;

    ConnectionsController(TenantConnections connections, ConnectionActions actions) {
        this.connections = connections;
        this.actions = actions;
    }

    @GetMapping("/connections")
    String view(@ModelAttribute("tenant") String tenant, Model model) {
        model.addAttribute("view", connections.view(tenant));
        return "console/connections";
    }

    /** Signs a short-lived ticket and sends the browser to the connector's OAuth start. */
    @GetMapping("/connections/{tenant}/connect/{kind}")
    String connect(
            @PathVariable String tenant, @PathVariable String kind, Authentication user, RedirectAttributes redirect) {
        ConnectionActions.Result<java.net.URI> link = actions.connectLink(tenant, kind, Actors.of(user));
        if (!link.ok()) {
            Flash.add(redirect, false, link.message());
            return back(tenant);
        }
        return "redirect:" + link.value();
    }

    @PostMapping("/connections/{tenant}/webhooks/install")
    String installWebhooks(@PathVariable String tenant, Authentication user, RedirectAttributes redirect) {
        return run(tenant, user, redirect, actions::installWebhooks);
    }

    @PostMapping("/connections/{tenant}/webhooks/verify")
    String verifyWebhooks(@PathVariable String tenant, Authentication user, RedirectAttributes redirect) {
        return run(tenant, user, redirect, actions::verifyWebhooks);
    }

    @PostMapping("/connections/{tenant}/watch")
    String openWatch(@PathVariable String tenant, Authentication user, RedirectAttributes redirect) {
        return run(tenant, user, redirect, actions::openWatchChannel);
    }

    @PostMapping("/connections/{tenant}/wazzup")
    String subscribeWazzup(@PathVariable String tenant, Authentication user, RedirectAttributes redirect) {
        return run(tenant, user, redirect, actions::subscribeWazzup);
    }

    private String run(
            String tenant,
            Authentication user,
            RedirectAttributes redirect,
            BiFunction<String, String, ConnectionActions.Result<Void>> action) {
        ConnectionActions.Result<Void> result = action.apply(tenant, Actors.of(user));
        Flash.add(redirect, result.ok(), result.message());
        return back(tenant);
    }

    private static String back(String tenant) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/connections")
                        .queryParam("tenant", tenant)
                        .encode()
                        .build()
                        .toUriString();
    }
}
