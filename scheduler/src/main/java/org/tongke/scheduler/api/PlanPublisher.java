package org.tongke.scheduler.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every publish of the plan is announced. In-process by default: listeners in the same
 * JVM (the all-in-one platform); a Redis pub/sub publisher implements the same interface when
 * the services run apart.
 */
public interface PlanPublisher {
    void publish(PlanPublished event);

    /** Announces to several publishers at once (this process's listeners and Redis). */
    static PlanPublisher all(List<PlanPublisher> publishers) {
        return event -> publishers.forEach(p -> p.publish(event));
    }

    /** Delivers to listeners in this process; a listener that throws is logged and the others still hear. */
    final class InProcess implements PlanPublisher {
        private static final Logger LOG = LoggerFactory.getLogger(InProcess.class);
        private final List<Consumer<PlanPublished>> listeners = new CopyOnWriteArrayList<>();

        public void subscribe(Consumer<PlanPublished> listener) {
            listeners.add(listener);
        }

        @Override
        public void publish(PlanPublished event) {
            for (Consumer<PlanPublished> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("A plan listener failed on version {}", event.planVersion(), e);
                }
            }
        }
    }
}
