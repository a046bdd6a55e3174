package io.slotbridge.console.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line result of an action, shown once on the page the action redirects to. */
public record Flash(boolean ok, String message) {

    public static void add(RedirectAttributes redirect, boolean ok, String message) {
        redirect.addFlashAttribute("flash", new Flash(ok, message));
    }
}
