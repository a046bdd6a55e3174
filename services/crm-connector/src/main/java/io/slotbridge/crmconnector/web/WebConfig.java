package io.slotbridge.crmconnector.web;

import io.slotbridge.platform.admin.AdminAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final ObjectProvider<AdminAccess> adminAccess;

    public WebConfig(ObjectProvider<AdminAccess> adminAccess) {
        this.adminAccess = adminAccess;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthInterceptor(adminAccess)).addPathPatterns("/admin/**");
    }
}
