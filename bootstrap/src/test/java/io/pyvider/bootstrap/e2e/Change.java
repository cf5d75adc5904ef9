package io.pyvider.bootstrap.e2e;

import io.pyvider.domain.terraform.cty.Value;
import java.util.List;

/**
 * A planned resource instance change (plans.ResourceInstanceChange) as Terraform keeps it between walks. For a replace,
 * {@code after} is the replacement planned from a null prior; {@code firstPlanned} keeps the first plan's answer.
 */
record Change(String typeName, Action action, Value before, byte[] beforePrivate, Value config, Value proposed,
    Value after, byte[] plannedPrivate, List<String> requiresReplace, List<String> replacePaths,
    List<Diag> diagnostics, Value firstPlanned) {

  /** plans.Action. */
  enum Action {
    CREATE, UPDATE, NO_OP, DELETE, DELETE_THEN_CREATE;

    boolean isReplace() {
      return this == DELETE_THEN_CREATE;
    }
  }

  Change {
    beforePrivate = beforePrivate == null ? new byte[0] : beforePrivate.clone();
    plannedPrivate = plannedPrivate == null ? new byte[0] : plannedPrivate.clone();
    requiresReplace = List.copyOf(requiresReplace);
    replacePaths = List.copyOf(replacePaths);
    diagnostics = List.copyOf(diagnostics);
  }

  @Override
  public byte[] plannedPrivate() {
    return plannedPrivate.clone();
  }

  @Override
  public byte[] beforePrivate() {
    return beforePrivate.clone();
  }

  Value.ObjectVal afterObject() {
    return (Value.ObjectVal) after;
  }

  Change withAction(Action newAction, Value newBefore) {
    return new Change(typeName, newAction, newBefore, beforePrivate, config, proposed, after, plannedPrivate,
        requiresReplace, replacePaths, diagnostics, firstPlanned);
  }

  @Override
  public String toString() {
    return "Change[" + typeName + " " + action + ", requires_replace=" + requiresReplace + ", diagnostics="
        + diagnostics + "]";
  }
}
