package io.slotbridge.console.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> oidc;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(Model model) {
        List<ClientRegistration> providers = new ArrayList<>();
        if (oidc.getIfAvailable() instanceof Iterable<?> registrations) {
            registrations.forEach(r -> providers.add((ClientRegistration) r));
        }
        model.addAttribute("providers", providers);
        return "console/login";
    }
}
