package io.pyvider.application.component;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.UnsealFailure;
import java.util.Objects;

/** The private state a component receives: none, opened, or present but unreadable (and why). */
public sealed interface PrivateState {

  PrivateState ABSENT = new Absent();

  /** No private state was stored. */
  record Absent() implements PrivateState {
  }

  /** Opened; {@code staleKey} means it was sealed with an older key or format and will be sealed again. */
  record Opened(PrivateData data, boolean staleKey) implements PrivateState {
    public Opened {
      Objects.requireNonNull(data, "data");
    }
  }

  /** Stored but could not be opened; the component decides what to do (warn and rebuild, or fail). */
  record Unreadable(UnsealFailure reason, String detail) implements PrivateState {
    public Unreadable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
