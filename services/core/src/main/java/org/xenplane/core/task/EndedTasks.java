package org.xenplane.core.task;

/**
 * How a service finds what a task that has ended still holds (a VM's claim, a VDI's hold): rows
 * whose task, left-joined as {@code t}, has ended a while ago or no longer exists. A task that just
 * ended is given {@link #GRACE_SECONDS}: its worker releases what it held right after.
 */
public final class EndedTasks {
    public static final int GRACE_SECONDS = 10;

    /** The condition on {@code t}, with {@link #GRACE_SECONDS} bound as the query's parameter {@code ?1}. */
    public static final String ENDED_OR_GONE = """
            (t.id is null or (t.status in ('SUCCESS', 'FAILURE', 'CANCELLED')
                              and t.finished_at < now() - make_interval(secs => ?1)))""";

    private EndedTasks() {
    }
}
