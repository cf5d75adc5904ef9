package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.ListResource;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.ListResourceUseCase;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@code terraform query} through the list engine: objects stream one event each with their identity, the limit and
 * a departed client stop the component, each identity and object is checked before it leaves, and diagnostics about
 * the listing as a whole come last.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListResourceServiceTest {

  private static final String TYPE = Engine.TYPE;
  private static final Diagnostic WARNING = Diagnostic.warning("Prefix is broad", "this may list many objects");

  private final ScriptedResource resource = new ScriptedResource(TYPE);
  private final ScriptedListResource lister = new ScriptedListResource(TYPE);
  private final ListResourceService service;

  /** Records every event; takes {@code capacity} of them, then answers that it wants no more. */
  private static final class RecordingSink implements ListResourceUseCase.EventSink {
    final List<Outcomes.ListEvent> events = new ArrayList<>();
    int capacity = Integer.MAX_VALUE;
    boolean cancelled;

    @Override
    public boolean send(Outcomes.ListEvent event) {
      events.add(event);
      return events.size() < capacity;
    }

    @Override
    public boolean cancelled() {
      return cancelled;
    }
  }

  private final RecordingSink sink = new RecordingSink();

  ListResourceServiceTest() {
    resource.identitySchema = new IdentitySchema(0, List.of(
        new IdentitySchema.IdentityAttribute("id", CtyType.STRING, true, false, "")));
    service = new ListResourceService(new ComponentCatalog(List.of(resource), List.of())
        .withListResources(List.of(lister)), new ProviderSession(Environment.of(Map.of())));
  }

  private static Value.ObjectVal identity(Value id) {
    return Value.ObjectVal.of(Map.of("id", id));
  }

  private static ListResource.Listed item(String id) {
    return new ListResource.Listed("object " + id, identity(Value.string(id)),
        Optional.of(ScriptedResource.object("n", null, id, "s")), null);
  }

  private void list(Value config, boolean includeObjects, long limit) {
    service.list(new Commands.ListResources(TYPE, MapWire.of(config), includeObjects, limit), sink);
  }

  private void list(long limit) {
    list(ScriptedListResource.config("p"), false, limit);
  }

  private static Outcomes.ListEvent object(String id, Optional<Value> state) {
    return new Outcomes.ListEvent(Optional.of(new Outcomes.Identity(
        CtyType.ObjectOf.of("id", CtyType.STRING), identity(Value.string(id)))), "object " + id, state,
        ScriptedResource.TYPE, Diagnostics.NONE);
  }

  private static Outcomes.ListEvent diagnosticsOnly(Diagnostics diagnostics) {
    return new Outcomes.ListEvent(Optional.empty(), "", Optional.empty(), CtyType.DYNAMIC, diagnostics);
  }

  private static void assertBrokenEvent(Outcomes.ListEvent event, String problem) {
    assertTrue(event.identity().isEmpty());
    Diagnostic error = event.diagnostics().asList().get(0);
    assertEquals("Provider pyvider produced an invalid list event", error.summary());
    assertTrue(error.detail().startsWith(TYPE + ": " + problem + ". "), error.detail());
  }

  @Test
  void each_object_is_one_event_with_its_identity_and_name() {
    lister.items.addAll(List.of(item("a"), item("b")));

    list(100);

    assertEquals(List.of(object("a", Optional.empty()), object("b", Optional.empty())), sink.events);
    assertEquals(List.of(true, true), lister.answers);
  }

  @Test
  void the_objects_state_travels_only_when_asked_for() {
    lister.items.add(item("a"));

    list(ScriptedListResource.config("p"), true, 100);

    assertEquals(List.of(object("a", Optional.<Value>of(ScriptedResource.object("n", null, "a", "s")))), sink.events);
  }

  @Test
  void the_limit_stops_the_component_at_the_last_object_it_allows() {
    lister.items.addAll(List.of(item("a"), item("b"), item("c")));
    lister.overall = Diagnostics.of(WARNING);

    list(2);

    assertEquals(List.of(object("a", Optional.empty()), object("b", Optional.empty())), sink.events,
        "nothing after the limit, not even the listing's diagnostics");
    assertEquals(List.of(true, false), lister.answers);
  }

  @Test
  void no_limit_lists_everything() {
    lister.items.addAll(List.of(item("a"), item("b"), item("c")));

    list(0);

    assertEquals(3, sink.events.size());
  }

  @Test
  void a_client_that_takes_no_more_stops_the_component() {
    lister.items.addAll(List.of(item("a"), item("b")));
    sink.capacity = 1;

    list(100);

    assertEquals(List.of(object("a", Optional.empty())), sink.events);
    assertEquals(List.of(false), lister.answers);
  }

  @Test
  void a_cancelled_client_gets_nothing_and_the_component_sees_the_cancellation() {
    lister.items.add(item("a"));
    sink.cancelled = true;

    list(100);

    assertEquals(List.of(), sink.events);
    assertEquals(List.of(false), lister.answers);
    assertTrue(lister.lastContext.cancellation().isCancelled());
  }

  @Test
  void an_identity_of_the_wrong_shape_ends_the_listing_with_the_providers_bug() {
    lister.items.addAll(List.of(new ListResource.Listed("bad", identity(Value.number(1)), Optional.empty(), null),
        item("b")));

    list(100);

    assertEquals(1, sink.events.size());
    assertBrokenEvent(sink.events.get(0), "id: \"string\" is required, got \"number\"");
    assertEquals(List.of(false), lister.answers);
  }

  @Test
  void an_unknown_identity_or_object_is_caught() {
    lister.items.add(new ListResource.Listed("unknown", identity(Value.unknown(CtyType.STRING)), Optional.empty(),
        null));
    list(100);
    assertBrokenEvent(sink.events.get(0), "the identity contains unknown values");

    sink.events.clear();
    lister.items.set(0, new ListResource.Listed("x", identity(Value.string("x")),
        Optional.of(ScriptedResource.object("n", null, "x", null).with("secret", Value.unknown(CtyType.STRING))), null));
    list(ScriptedListResource.config("p"), true, 100);
    assertBrokenEvent(sink.events.get(0), "the resource object contains unknown values");
  }

  @Test
  void an_object_of_the_wrong_shape_is_caught_when_it_is_asked_for() {
    lister.items.add(new ListResource.Listed("x", identity(Value.string("x")),
        Optional.of(ScriptedResource.object("n", null, "x", "s").with("note", Value.bool(true))), null));

    list(ScriptedListResource.config("p"), true, 100);

    assertBrokenEvent(sink.events.get(0), "note: \"string\" is required, got \"bool\"");
  }

  @Test
  void the_listings_own_diagnostics_come_in_a_last_event() {
    lister.items.add(item("a"));
    lister.overall = Diagnostics.of(WARNING);

    list(100);

    assertEquals(List.of(object("a", Optional.empty()), diagnosticsOnly(Diagnostics.of(WARNING))), sink.events);
  }

  @Test
  void validation_warnings_come_last_and_validation_errors_list_nothing() {
    lister.items.add(item("a"));
    lister.validate = config -> Diagnostics.of(WARNING);
    list(100);
    assertEquals(List.of(object("a", Optional.empty()), diagnosticsOnly(Diagnostics.of(WARNING))), sink.events);

    sink.events.clear();
    lister.answers.clear();
    Diagnostic refusal = Diagnostic.error(AttributePath.attribute("prefix"), "Bad prefix", "letters only");
    lister.validate = config -> Diagnostics.of(refusal);
    list(100);
    assertEquals(List.of(diagnosticsOnly(Diagnostics.of(refusal))), sink.events);
    assertEquals(List.of(), lister.answers, "the component was not asked to list");
  }

  @Test
  void a_missing_or_unknown_configuration_lists_nothing() {
    list(ScriptedListResource.config(null), false, 100);
    Diagnostic missing = sink.events.get(0).diagnostics().asList().get(0);
    assertEquals("Missing required argument", missing.summary());
    assertEquals(AttributePath.attribute("prefix"), missing.path());

    sink.events.clear();
    list(ScriptedListResource.config("p").with("prefix", Value.unknown(CtyType.STRING)), false, 100);
    assertEquals(List.of(diagnosticsOnly(Diagnostics.of(Diagnostic.error("Invalid ListResource request",
        TYPE + ": the list configuration still contains unknown values.")))), sink.events);
    assertNull(lister.lastContext, "the component was never asked");
  }

  @Test
  void an_unknown_list_type_is_one_event_with_the_error() {
    service.list(new Commands.ListResources("pyvider_nope", MapWire.of(ScriptedListResource.config("p")), false, 10),
        sink);

    assertEquals(1, sink.events.size());
    assertEquals("Unknown list resource type", sink.events.get(0).diagnostics().asList().get(0).summary());
  }

  @Test
  void validation_refuses_a_missing_prefix_and_an_unknown_type() {
    Diagnostics missing = service.validate(new Commands.ValidateConfig(TYPE,
        MapWire.of(ScriptedListResource.config(null))));
    assertEquals("Missing required argument", missing.asList().get(0).summary());
    assertEquals(1, missing.asList().size());

    Diagnostics unknown = service.validate(new Commands.ValidateConfig("pyvider_nope",
        MapWire.of(ScriptedListResource.config("p"))));
    assertEquals("Unknown list resource type", unknown.asList().get(0).summary());
    assertFalse(service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(ScriptedListResource.config("p"))))
        .hasErrors());
  }
}
