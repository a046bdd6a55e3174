package io.slotbridge.local;

import io.slotbridge.local.demo.DemoTraffic;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar slotbridge-local.jar [--slotbridge.local.<option>=…] [--<service property>=…]} */
public final class SlotbridgeLocalMain {

    private SlotbridgeLocalMain() {}

    public static void main(String[] args) throws InterruptedException {
        SlotbridgeLocal.useLauncherLogging();
        Logger log = LoggerFactory.getLogger(SlotbridgeLocalMain.class);
        LocalOptions options;
        try {
            options = LocalOptions.parse(args);
        } catch (RuntimeException e) {
            log.error("{}", ServiceStartException.reason(e));
            System.exit(2);
            return;
        }
        RunningSlotbridge running;
        try {
            running = SlotbridgeLocal.start(options);
        } catch (RuntimeException e) {
            log.error("Slotbridge did not start. {}", e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            running.close();
                            stopped.countDown();
                        },
                        "slotbridge-stop"));
        boolean demo = options.demoTraffic() && options.sandboxTenants();
        if (options.demoTraffic() && !options.sandboxTenants()) {
            log.info("no demo traffic: it acts in the sandbox's demo accounts, and a tenants file of real accounts is"
                    + " in use");
        }
        if (demo) {
            running.attach(DemoTraffic.start(running));
        }
        System.out.println(ReadyBanner.of(running, demo));
        stopped.await();
    }
}
