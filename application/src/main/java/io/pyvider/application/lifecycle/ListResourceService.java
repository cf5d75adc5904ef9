package io.pyvider.application.lifecycle;

import io.pyvider.application.component.ListResource;
import io.pyvider.application.component.ManagedResource;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.ListResourceUseCase;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import java.util.List;
import java.util.Optional;

/**
 * List resources: decodes and validates the list block's configuration, then streams what the component finds,
 * one event at a time, checking each identity and object against the listed resource type's schemas. At most
 * {@code limit} objects are produced, and production stops as soon as the client goes away. Problems are events
 * carrying diagnostics, never exceptions.
 */
public final class ListResourceService implements ListResourceUseCase {

  private final ComponentCatalog catalog;
  private final ProviderSession session;

  public ListResourceService(ComponentCatalog catalog, ProviderSession session) {
    this.catalog = catalog;
    this.session = session;
  }

  private Optional<ListResource> find(String typeName, Decoded decoded) {
    Optional<ListResource> found = catalog.listResource(typeName);
    if (found.isEmpty()) {
      decoded.add(Diagnoses.unknownListResourceType(typeName));
    }
    return found;
  }

  @Override
  public Diagnostics validate(Commands.ValidateConfig command) {
    Decoded decoded = new Decoded();
    Optional<ListResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return decoded.diagnostics();
    }
    Block block = found.get().schema().block();
    Value config = decoded.value(command.config(), block.impliedType(), "list configuration");
    decoded.requireConfigured(block, config);
    if (!decoded.failed() && config instanceof Value.ObjectVal object) {
      session.attempt(command.typeName(), "validation", decoded, () -> found.get().validate(object, session.context()))
          .ifPresent(decoded::add);
    }
    return decoded.diagnostics();
  }

  @Override
  public void list(Commands.ListResources command, EventSink sink) {
    Decoded decoded = new Decoded();
    Optional<ListResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      sink.send(diagnosticsOnly(decoded.diagnostics()));
      return;
    }
    ListResource lister = found.get();
    ManagedResource listed = catalog.resource(command.typeName()).orElseThrow();
    IdentitySchema identitySchema = listed.identitySchema().orElseThrow();
    Block block = lister.schema().block();
    Value config = decoded.value(command.config(), block.impliedType(), "list configuration");
    decoded.requireConfigured(block, config);
    if (!decoded.failed() && !config.isWhollyKnown()) {
      decoded.add(Diagnoses.brokenRequest(command.typeName(), "ListResource",
          "the list configuration still contains unknown values"));
    }
    if (!decoded.failed() && config instanceof Value.ObjectVal object) {
      session.attempt(command.typeName(), "validation", decoded, () -> lister.validate(object, session.context()))
          .ifPresent(decoded::add);
    }
    if (decoded.failed() || !(config instanceof Value.ObjectVal object)) {
      sink.send(diagnosticsOnly(decoded.diagnostics()));
      return;
    }
    ProviderContext base = session.context();
    ProviderContext context = new ProviderContext(base.providerConfig(), base.testMode(),
        () -> base.cancellation().isCancelled() || sink.cancelled());
    Producer producer = new Producer(listed, identitySchema, command, sink);
    Optional<Diagnostics> overall = session.attempt(command.typeName(), "listing", decoded,
        () -> lister.list(object, command.includeResourceObject(), context, producer::accept));
    overall.ifPresent(decoded::add);
    // Diagnostics about the listing as a whole travel in one last event, unless the stream already ended (the limit
    // reached, the client gone, a broken event).
    if (!decoded.diagnostics().asList().isEmpty() && !producer.stopped) {
      sink.send(diagnosticsOnly(decoded.diagnostics()));
    }
  }

  /** Checks and forwards each listed object; refuses more once the limit is reached or the client is gone. */
  private static final class Producer {
    private final ManagedResource listed;
    private final CtyType.ObjectOf identityType;
    private final CtyType.ObjectOf resourceType;
    private final boolean includeObject;
    private final long limit;
    private final EventSink sink;
    private long sent;
    private boolean stopped;

    Producer(ManagedResource listed, IdentitySchema identitySchema, Commands.ListResources command, EventSink sink) {
      this.listed = listed;
      this.identityType = identitySchema.impliedType();
      this.resourceType = listed.schema().block().impliedType();
      this.includeObject = command.includeResourceObject();
      // Terraform always sends a limit (query's default is 100); a client that sends none gets everything.
      this.limit = command.limit() > 0 ? command.limit() : Long.MAX_VALUE;
      this.sink = sink;
    }

    /** Once {@code sent} reaches the limit, {@code stopped} is set: every path that counts a send checks it. */
    boolean accept(ListResource.Listed item) {
      if (stopped || sink.cancelled()) {
        stopped = true;
        return false;
      }
      Optional<String> identityProblem = ValueConformance.problem(item.identity(), identityType, AttributePath.ROOT)
          .or(() -> item.identity().isWhollyKnown() ? Optional.empty()
              : Optional.of("the identity contains unknown values"));
      Optional<Value> object = Optional.empty();
      Optional<String> objectProblem = Optional.empty();
      if (includeObject && item.resourceObject().isPresent()) {
        Value state = WriteOnlyValues.nulled(listed.schema().block(), item.resourceObject().get());
        objectProblem = ValueConformance.problem(state, resourceType, AttributePath.ROOT)
            .or(() -> state.isWhollyKnown() ? Optional.empty()
                : Optional.of("the resource object contains unknown values"));
        object = Optional.of(state);
      }
      Optional<String> problem = identityProblem.isPresent() ? identityProblem : objectProblem;
      if (problem.isPresent()) {
        stopped = true;
        sink.send(diagnosticsOnly(Diagnostics.of(Diagnoses.brokenAnswer(listed.typeName(), "list event",
            List.of(problem.get())))));
        return false;
      }
      boolean more = sink.send(new Outcomes.ListEvent(Optional.of(new Outcomes.Identity(identityType,
          item.identity())), item.displayName(), object, resourceType, item.diagnostics()));
      sent++;
      if (!more || sent >= limit) {
        stopped = true;
        return false;
      }
      return true;
    }
  }

  private static Outcomes.ListEvent diagnosticsOnly(Diagnostics diagnostics) {
    return new Outcomes.ListEvent(Optional.empty(), "", Optional.empty(), CtyType.DYNAMIC, diagnostics);
  }
}
