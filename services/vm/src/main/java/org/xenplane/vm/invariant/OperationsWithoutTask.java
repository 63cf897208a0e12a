package org.xenplane.vm.invariant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.invariant.Inconsistency;
import org.xenplane.core.invariant.InvariantCheck;
import org.xenplane.vm.model.Vm;

/**
 * {@code VM_OPERATION_WITHOUT_TASK}: a VM marked busy ({@code currentOperations}) by a task that has
 * finished or does not exist. Nothing will free it: every other operation is refused with
 * {@code OTHER_OPERATION_IN_PROGRESS}.
 */
@ApplicationScoped
public class OperationsWithoutTask implements InvariantCheck {
    static final String KIND = "VM_OPERATION_WITHOUT_TASK";

    private final EntityManager em;

    public OperationsWithoutTask(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Inconsistency> find() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select v.id, v.current_operation, v.current_task, t.status from vm v left join task t on t.id = v.current_task
                where v.current_operation is not null
                  and (t.id is null or t.status in ('SUCCESS', 'FAILURE', 'CANCELLED'))""").getResultList();
        return rows.stream().map(row -> new Inconsistency(KIND, Vm.CLASS, (UUID) row[0], "marked busy with "
                + row[1] + " by task " + row[2] + (row[3] == null ? ", which does not exist"
                : ", which has ended (" + row[3].toString().toLowerCase() + ")"))).toList();
    }
}
