package io.pyvider.application.lifecycle;

import io.pyvider.application.component.Action;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.in.ActionUseCase;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Actions: decode with the schema, validate, plan without side effects, and invoke only a wholly known, valid
 * configuration. Whatever a component does, an invocation ends in diagnostics, never an exception, and no progress
 * is passed on once it has ended.
 */
public final class ActionService implements ActionUseCase {

  private final ComponentCatalog catalog;
  private final ProviderSession session;

  public ActionService(ComponentCatalog catalog, ProviderSession session) {
    this.catalog = catalog;
    this.session = session;
  }

  @Override
  public Diagnostics validate(Commands.ValidateConfig command) {
    Decoded decoded = new Decoded();
    decodeAndValidate(command.typeName(), command.config(), session.context(), decoded);
    return decoded.diagnostics();
  }

  @Override
  public Diagnostics plan(Commands.PlanAction command) {
    Decoded decoded = new Decoded();
    ProviderContext context = session.context();
    // Terraform validates before it plans, but a client may not: the plan says what is wrong either way.
    decodeAndValidate(command.typeName(), command.config(), context, decoded).ifPresent(valid ->
        session.attempt(valid.action().typeName(), "planning", decoded,
            () -> valid.action().plan(valid.config(), context))
            .ifPresent(decoded::add));
    return decoded.diagnostics();
  }

  @Override
  public Diagnostics invoke(Commands.InvokeAction command, Consumer<String> progress,
      BooleanSupplier callCancelled) {
    Decoded decoded = new Decoded();
    ProviderContext context = cancellable(session.context(), callCancelled);
    Optional<Configured> valid = decodeAndValidate(command.typeName(), command.config(), context, decoded);
    if (valid.isPresent() && !valid.get().config().isWhollyKnown()) {
      decoded.add(Diagnoses.brokenRequest(command.typeName(), "InvokeAction", "the configuration still contains "
          + "unknown values (Terraform invokes an action only once its configuration is known)"));
    }
    if (valid.isEmpty() || decoded.failed()) {
      return decoded.diagnostics();
    }
    Action action = valid.get().action();
    ProgressGate gate = new ProgressGate(progress);
    try {
      session.attempt(action.typeName(), "invocation", decoded,
          () -> action.invoke(valid.get().config(), context, gate))
          .ifPresent(decoded::add);
    } finally {
      gate.close();
    }
    return decoded.diagnostics();
  }

  /** An action and its decoded configuration, which passed validation. */
  private record Configured(Action action, Value.ObjectVal config) {
  }

  /** Finds the action, decodes the configuration and validates it; empty when any of that failed. */
  private Optional<Configured> decodeAndValidate(String typeName, WireValue wire, ProviderContext context,
      Decoded decoded) {
    Optional<Action> found = catalog.action(typeName);
    if (found.isEmpty()) {
      decoded.add(Diagnoses.unknownActionType(typeName));
      return Optional.empty();
    }
    Action action = found.get();
    Block block = action.schema().block();
    Value config = decoded.value(wire, block.impliedType(), "configuration");
    decoded.requireConfigured(block, config);
    if (decoded.failed() || !(config instanceof Value.ObjectVal object)) {
      return Optional.empty();
    }
    session.attempt(action.typeName(), "validation", decoded, () -> action.validate(object, context))
        .ifPresent(decoded::add);
    return decoded.failed() ? Optional.empty() : Optional.of(new Configured(action, object));
  }

  /** The session's context, also cancelled when the caller gives up on this one call. */
  private static ProviderContext cancellable(ProviderContext context, BooleanSupplier callCancelled) {
    ProviderContext.Cancellation stopped = context.cancellation();
    return new ProviderContext(context.providerConfig(), context.testMode(),
        () -> stopped.isCancelled() || callCancelled.getAsBoolean());
  }

  /**
   * Passes progress on, one message at a time, while the invocation runs; drops it afterwards (a thread the
   * component left behind must not write after the completed event) and once the receiver has failed (the caller
   * went away), so a broken stream never fails the action itself.
   */
  private static final class ProgressGate implements Action.Progress {
    private final Consumer<String> receiver;
    private boolean open = true;

    ProgressGate(Consumer<String> receiver) {
      this.receiver = receiver;
    }

    @Override
    public synchronized void report(String message) {
      if (!open || message == null) {
        return;
      }
      try {
        receiver.accept(message);
      } catch (RuntimeException receiverGone) {
        open = false;
      }
    }

    synchronized void close() {
      open = false;
    }
  }
}
