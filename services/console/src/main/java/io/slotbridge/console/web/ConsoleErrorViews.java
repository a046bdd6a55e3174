package io.slotbridge.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's error page lives at {@code templates/console/error.html}, not at the classpath root, so services
 * sharing one JVM with the console (local launcher) keep their own error pages.
 */
@Component
class ConsoleErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return new ModelAndView("console/error", model, status);
    }
}
