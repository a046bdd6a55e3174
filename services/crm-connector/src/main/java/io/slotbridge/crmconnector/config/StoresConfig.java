package io.slotbridge.crmconnector.config;

import io.slotbridge.crmconnector.store.LeadStateStore;
import io.slotbridge.crmconnector.store.SweepStateStore;
import io.slotbridge.crmconnector.store.TokenStore;
import io.slotbridge.crmconnector.store.WriteLedger;
import io.slotbridge.platform.crypto.SecretBox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The PostgreSQL stores of schema {@code crm_connector}. */
@Configuration(proxyBeanMethods = false)
public class StoresConfig {

    @Bean
    public TokenStore tokenStore(JdbcTemplate jdbc, TransactionTemplate tx, ObjectProvider<SecretBox> secretBox) {
        return new TokenStore(jdbc, tx, secretBox::getObject);
    }

    @Bean
    public LeadStateStore leadStateStore(JdbcTemplate jdbc) {
        return new LeadStateStore(jdbc);
    }

    @Bean
    public WriteLedger writeLedger(JdbcTemplate jdbc) {
        return new WriteLedger(jdbc);
    }

    @Bean
    public SweepStateStore sweepStateStore(JdbcTemplate jdbc) {
        return new SweepStateStore(jdbc);
    }
}
