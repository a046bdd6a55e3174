package io.slotbridge.sandbox.amocrm;

/** A flat text of an account's names, for tests that compare the seed with the tenant file. */
public final class AmoSeedDescription {

    private AmoSeedDescription() {}

    public static String of(AmoAccount account) {
        StringBuilder text = new StringBuilder();
        synchronized (account) {
            account.pipelines.forEach(p -> {
                text.append("pipeline:").append(p.name()).append('\n');
                p.statuses()
                        .forEach(s -> text.append("status:").append(s.name()).append('\n'));
            });
            account.customFields.forEach(
                    f -> text.append("field:").append(f.name()).append('\n'));
            account.lossReasons.forEach(
                    r -> text.append("loss:").append(r.name()).append('\n'));
            account.users.forEach(u -> text.append("user:").append(u.email()).append('\n'));
        }
        return text.toString();
    }
}
