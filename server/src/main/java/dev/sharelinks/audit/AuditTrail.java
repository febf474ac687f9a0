package dev.sharelinks.audit;

import dev.sharelinks.audit.AuditEvent.Change;
import dev.sharelinks.audit.AuditEvent.TargetType;
import dev.sharelinks.platform.MillisecondClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every change to organisations, keys, personas, links and results. Services call it inside the
 * transaction of the change, so a change and its record commit or vanish together.
 */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final CurrentActor currentActor;
    private final MillisecondClock clock;

    public AuditTrail(AuditEventRepository events, CurrentActor currentActor, MillisecondClock clock) {
        this.events = events;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Must join the caller's transaction: a record without its change (or the reverse) is worse than neither. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            UUID organizationId, TargetType targetType, Object targetId, String action, Map<String, Change> changes) {
        events.insert(
                clock.now(), organizationId, currentActor.get(), action, targetType, String.valueOf(targetId), changes);
    }

    public List<AuditEvent> list(AuditQuery query) {
        return events.find(query);
    }

    /**
     * The fields whose values differ between two views of a thing (an empty view: it did not exist). Instants
     * and UUIDs are kept as their ISO/text form, as they appear on the wire.
     */
    public static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        Map<String, Change> changes = new LinkedHashMap<>();
        for (String field : fields) {
            Object from = wire(before.get(field));
            Object to = wire(after.get(field));
            if (!Objects.equals(from, to)) {
                changes.put(field, new Change(from, to));
            }
        }
        return changes;
    }

    private static Object wire(Object value) {
        if (value instanceof Instant || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        return value;
    }
}
