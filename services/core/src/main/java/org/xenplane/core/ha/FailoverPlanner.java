package org.xenplane.core.ha;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The failover plan (XenAPI's {@code pool.ha_plan_exists_for}): for how many host failures, up to a
 * limit, every running VM with HA priority {@code restart} could still run again on the hosts that
 * remain, by memory. Pure: it sees hosts, their capacity and the VMs on them, nothing else.
 *
 * <p>For {@code n} failures it packs the protected VMs of the failed hosts into the room left on the
 * survivors (capacity less what every VM on them holds), largest VM first into the survivor with
 * the most room. While the number of failure sets {@code C(hosts, n)} is small it tries every one.
 * Beyond that it checks one pessimistic case that covers all of them: the {@code m} largest
 * protected VMs of the pool ({@code m} the most VMs any {@code n} hosts hold) into the survivors that
 * remain once the {@code n} roomiest hosts are gone; every real failure set has no more, no larger
 * VMs and no less room, so a packing of that case gives one for each. Both ways may find no plan
 * where a cleverer packing exists, never the reverse: the answer errs on the side of refusing.
 */
public final class FailoverPlanner {
    /** Failure sets tried one by one at most; above, the pessimistic case stands for all of them. */
    static final long EXACT_SETS = 4_096;

    private FailoverPlanner() {
    }

    /**
     * A host as the plan sees it.
     *
     * @param capacity  bytes VMs may use on it (its memory less the reserve for dom0 and Xen)
     * @param takesVms  live and enabled: it can take VMs restarted from a failed host
     */
    public record Host(UUID id, long capacity, boolean takesVms) {
    }

    /**
     * A VM that holds memory on a host (running, paused, or being started or migrated there).
     *
     * @param restart its HA priority is {@code restart}: the plan must find it a place
     */
    public record Vm(UUID id, UUID host, long memory, boolean restart) {
    }

    /** The largest {@code n <= upTo} such that the loss of any {@code n} hosts leaves room for their protected VMs. */
    public static int planExistsFor(Collection<Host> hosts, Collection<Vm> vms, int upTo) {
        return planExistsFor(hosts, vms, upTo, EXACT_SETS);
    }

    /** As above, trying failure sets one by one only while there are at most {@code exactSets} (its tests). */
    static int planExistsFor(Collection<Host> hosts, Collection<Vm> vms, int upTo, long exactSets) {
        Pool pool = Pool.of(hosts, vms);
        int n = 0;
        while (n < upTo && survives(pool, n + 1, exactSets)) {
            n++;
        }
        return n;
    }

    private static boolean survives(Pool pool, int failures, long exactSets) {
        int count = pool.hosts.size();
        if (failures >= count) {
            return pool.protectedTotal() == 0; // nobody left to restart on: only nothing to restart survives
        }
        if (choose(count, failures) <= exactSets) {
            return everySetSurvives(pool, new int[failures], 0, 0);
        }
        return pessimisticCaseSurvives(pool, failures);
    }

    private static boolean everySetSurvives(Pool pool, int[] failed, int depth, int from) {
        if (depth == failed.length) {
            return packs(pool.protectedOf(failed), pool.roomWithout(failed));
        }
        for (int i = from; i < pool.hosts.size(); i++) {
            failed[depth] = i;
            if (!everySetSurvives(pool, failed, depth + 1, i + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean pessimisticCaseSurvives(Pool pool, int failures) {
        int most = pool.counts().stream().sorted(Comparator.reverseOrder()).limit(failures).mapToInt(Integer::intValue).sum();
        long[] largest = pool.allProtectedDescending();
        long[] vms = Arrays.copyOf(largest, Math.min(most, largest.length));
        long[] room = pool.roomDescending();
        return packs(vms, Arrays.copyOfRange(room, failures, room.length));
    }

    /** First fit decreasing into the survivor with the most room left: true when every VM found a place. */
    static boolean packs(long[] vms, long[] room) {
        long[] sortedVms = vms.clone();
        Arrays.sort(sortedVms);
        java.util.PriorityQueue<long[]> bins = new java.util.PriorityQueue<>((a, b) -> Long.compare(b[0], a[0]));
        for (long r : room) {
            bins.add(new long[] {r});
        }
        for (int i = sortedVms.length - 1; i >= 0; i--) {
            long[] roomiest = bins.poll();
            if (roomiest == null || roomiest[0] < sortedVms[i]) {
                return false;
            }
            roomiest[0] -= sortedVms[i];
            bins.add(roomiest);
        }
        return true;
    }

    static long choose(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
            if (result > EXACT_SETS) {
                return result;
            }
        }
        return result;
    }

    /** The pool indexed once: per host, the room left and its protected VMs. */
    private record Pool(List<Host> hosts, long[] room, List<long[]> protectedVms) {

        static Pool of(Collection<Host> hosts, Collection<Vm> vms) {
            List<Host> list = List.copyOf(hosts);
            Map<UUID, Integer> index = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                index.put(list.get(i).id(), i);
            }
            long[] room = new long[list.size()];
            List<List<Long>> protectedVms = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                room[i] = list.get(i).takesVms() ? list.get(i).capacity() : 0;
                protectedVms.add(new ArrayList<>());
            }
            for (Vm vm : vms) {
                Integer i = vm.host() == null ? null : index.get(vm.host());
                if (i == null) {
                    continue; // on no host the plan knows: nothing to restart from it, no room taken
                }
                room[i] -= vm.memory();
                if (vm.restart()) {
                    protectedVms.get(i).add(vm.memory());
                }
            }
            return new Pool(list, room, protectedVms.stream()
                    .map(l -> l.stream().mapToLong(Long::longValue).toArray()).toList());
        }

        long protectedTotal() {
            return protectedVms.stream().mapToLong(a -> Arrays.stream(a).sum()).sum();
        }

        List<Integer> counts() {
            return protectedVms.stream().map(a -> a.length).toList();
        }

        long[] protectedOf(int[] failed) {
            return Arrays.stream(failed).mapToObj(protectedVms::get).flatMapToLong(Arrays::stream).toArray();
        }

        long[] roomWithout(int[] failed) {
            long[] left = new long[room.length - failed.length];
            int next = 0;
            int f = 0;
            for (int i = 0; i < room.length; i++) {
                if (f < failed.length && failed[f] == i) {
                    f++;
                } else {
                    left[next++] = room[i];
                }
            }
            return left;
        }

        long[] allProtectedDescending() {
            return descending(protectedVms.stream().flatMapToLong(Arrays::stream).toArray());
        }

        long[] roomDescending() {
            return descending(room.clone());
        }

        /** Sorts the array, largest first, in place; answers it. */
        private static long[] descending(long[] values) {
            Arrays.sort(values);
            for (int i = 0, j = values.length - 1; i < j; i++, j--) {
                long t = values[i];
                values[i] = values[j];
                values[j] = t;
            }
            return values;
        }
    }
}
