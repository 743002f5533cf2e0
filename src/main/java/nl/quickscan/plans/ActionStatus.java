package nl.quickscan.plans;

import java.util.Arrays;
import java.util.Optional;

/** Where an action of the verbeterplan stands; stored and sent by its name, read by its Dutch label. */
public enum ActionStatus {
    GEPLAND("Gepland"), BEZIG("Bezig"), AFGEROND("Afgerond"), GESTOPT("Gestopt");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Done or stopped: such an action is never overdue. */
    public boolean finished() {
        return this == AFGEROND || this == GESTOPT;
    }

    public static Optional<ActionStatus> ofName(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }
}
