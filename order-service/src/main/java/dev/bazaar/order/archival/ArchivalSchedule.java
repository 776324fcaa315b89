package dev.bazaar.order.archival;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link Archival} every {@code bazaar.orders.archival.interval} (30 min), the first time one interval
 * after the start. Every instance schedules it; the lock lets one of them run it at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ArchivalSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ArchivalSchedule.class);

    private final Archival archival;
    private final ArchivalProperties properties;

    ArchivalSchedule(Archival archival, ArchivalProperties properties) {
        this.archival = archival;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.interval();
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, interval, interval));
    }

    private void run() {
        try {
            Archival.Run run = archival.run();
            if (!run.ran()) {
                log.debug("Archival skipped: another instance holds the lock");
            }
        } catch (RuntimeException e) { // left live, retried at the next interval
            log.error("Archival run failed; the orders not moved stay live until the next run", e);
        }
    }
}
