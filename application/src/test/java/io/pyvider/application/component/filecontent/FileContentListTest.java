package io.pyvider.application.component.filecontent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.ListResourceService;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.ListResourceUseCase;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.FileProblem;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The list resource pyvider_file_content through the list engine, on an in-memory file system. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileContentListTest {

  private static final Path ROOT = Path.of("/data");

  private final FileTerraform terraform = new FileTerraform();
  private final FileContentListResource lister = new FileContentListResource(terraform.files,
      () -> FileTerraform.WORKDIR, terraform.resource);
  private final ListResourceService service = new ListResourceService(
      new ComponentCatalog(List.of(terraform.resource), List.of()).withListResources(List.of(lister)),
      new ProviderSession(Environment.of(Map.of())));

  FileContentListTest() {
    for (String file : List.of("b.txt", "a.txt", "c.log", "sub/d.txt", "sub.txt", "sub/deep/e.txt")) {
      terraform.files.put(ROOT.resolve(file), "content of " + file);
    }
  }

  /** Records what the engine sends; can refuse after a number of events, or claim the client left. */
  private static final class Recorder implements ListResourceUseCase.EventSink {
    final List<Outcomes.ListEvent> events = new ArrayList<>();
    int acceptAtMost = Integer.MAX_VALUE;

    @Override
    public boolean send(Outcomes.ListEvent event) {
      events.add(event);
      return events.size() < acceptAtMost;
    }

    @Override
    public boolean cancelled() {
      return events.size() >= acceptAtMost;
    }

    List<String> names() {
      return events.stream().map(Outcomes.ListEvent::displayName).toList();
    }
  }

  private Value.ObjectVal config(String directory, String pattern, Boolean recursive) {
    return lister.schema().block().emptyValue().with("directory", Value.string(directory))
        .with("pattern", pattern == null ? Value.nullOf(CtyType.STRING) : Value.string(pattern))
        .with("recursive", recursive == null ? Value.nullOf(CtyType.BOOL) : Value.bool(recursive));
  }

  private Recorder list(Value.ObjectVal config, boolean include, long limit) {
    Recorder recorder = new Recorder();
    service.list(new Commands.ListResources(FileTerraform.TYPE, MapWire.of(config), include, limit), recorder);
    return recorder;
  }

  @Test
  void a_flat_listing_sorts_by_name_and_skips_subdirectories() {
    assertEquals(List.of("a.txt", "b.txt", "c.log", "sub.txt"), list(config("/data", null, null), false, 100).names());
  }

  @Test
  void a_recursive_listing_sorts_by_whole_path_so_a_file_named_like_a_directory_comes_first() {
    assertEquals(List.of("a.txt", "b.txt", "c.log", "sub.txt", "sub/d.txt", "sub/deep/e.txt"),
        list(config("/data", null, true), false, 100).names());
  }

  @Test
  void patterns_with_a_slash_match_the_relative_path() {
    assertEquals(List.of("sub/d.txt"), list(config("/data", "sub/*.txt", true), false, 100).names());
    assertEquals(List.of("a.txt", "b.txt", "sub.txt", "sub/d.txt", "sub/deep/e.txt"),
        list(config("/data", "*.txt", true), false, 100).names());
  }

  @Test
  void each_event_carries_the_files_identity_and_the_imported_object_only_when_asked() {
    Recorder without = list(config("/data", "a.txt", null), false, 100);
    Recorder with = list(config("/data", "a.txt", null), true, 100);

    Value identity = Value.ObjectVal.of(Map.of("filename", Value.string("/data/a.txt")));
    assertEquals(identity, without.events.get(0).identity().orElseThrow().value());
    assertTrue(without.events.get(0).resourceObject().isEmpty());
    Value.ObjectVal object = (Value.ObjectVal) with.events.get(0).resourceObject().orElseThrow();
    assertEquals(Value.string("content of a.txt"), object.get("content"));
    assertEquals(terraform.resource.importState("/data/a.txt", null).state().orElseThrow(), object,
        "the object is what import produces");
  }

  @Test
  void a_relative_directory_lists_absolute_identities() {
    terraform.files.put(FileTerraform.WORKDIR.resolve("conf/x.conf"), "x");
    Recorder recorder = list(config("conf", null, null), false, 100);
    assertEquals(Value.string("/work/tf/conf/x.conf"),
        ((Value.ObjectVal) recorder.events.get(0).identity().orElseThrow().value()).get("filename"));
  }

  @Test
  void the_limit_stops_production_and_so_does_a_client_that_goes_away() {
    assertEquals(List.of("a.txt", "b.txt"), list(config("/data", null, true), false, 2).names());
    Recorder leaving = new Recorder();
    leaving.acceptAtMost = 1;
    service.list(new Commands.ListResources(FileTerraform.TYPE, MapWire.of(config("/data", null, true)), false,
        100), leaving);
    assertEquals(List.of("a.txt"), leaving.names());
  }

  @Test
  void a_missing_directory_is_one_event_with_an_error_at_directory() {
    Recorder recorder = list(config("/nowhere", null, null), false, 100);

    assertEquals(1, recorder.events.size());
    Outcomes.ListEvent only = recorder.events.get(0);
    assertTrue(only.identity().isEmpty());
    assertTrue(only.diagnostics().hasErrors());
    assertEquals(AttributePath.attribute("directory"), only.diagnostics().asList().get(0).path());
  }

  @Test
  void a_directory_that_cannot_be_listed_says_why() {
    terraform.files.directory(Path.of("/locked")).failReads(Path.of("/locked"), FileProblem.PERMISSION_DENIED);

    assertEquals("\"/nowhere\" cannot be listed: it does not exist.", onlyDetail(config("/nowhere", null, null)));
    assertEquals("\"/data/a.txt\" cannot be listed: it is not a directory (it is a regular file).",
        onlyDetail(config("/data/a.txt", null, null)));
    assertEquals("\"/locked\" cannot be listed: permission denied (arranged by the test).",
        onlyDetail(config("/locked", null, null)));
  }

  @Test
  void a_subdirectory_that_cannot_be_listed_is_skipped_with_a_warning_after_the_rest() {
    terraform.files.failReads(ROOT.resolve("sub"), FileProblem.PERMISSION_DENIED);

    Recorder recorder = list(config("/data", null, true), false, 100);

    assertEquals(List.of("a.txt", "b.txt", "c.log", "sub.txt", ""), recorder.names());
    assertEquals(Diagnostics.of(Diagnostic.warning(AttributePath.attribute("directory"), "Directory skipped",
        "\"sub\" was not listed: permission denied (arranged by the test).")), recorder.events.get(4).diagnostics());
  }

  @Test
  void a_directory_the_operating_system_rejects_is_an_error_at_directory() {
    assertEquals("The operating system rejects the path: Nul character not allowed.",
        onlyDetail(config("/data/a\u0000b", null, null)));
  }

  @Test
  void a_client_gone_before_the_first_object_gets_nothing_at_all() {
    Recorder gone = new Recorder();
    gone.acceptAtMost = 0;

    service.list(new Commands.ListResources(FileTerraform.TYPE, MapWire.of(config("/data", null, true)), false, 100),
        gone);

    assertEquals(List.of(), gone.events);
  }

  @Test
  void a_listing_its_sink_stops_still_returns_the_warnings_it_had() {
    terraform.files.failReads(ROOT.resolve("sub"), FileProblem.PERMISSION_DENIED);
    terraform.files.put(ROOT.resolve("z.txt"), "walked after sub/");
    ProviderContext context = new ProviderContext(Value.nullOf(CtyType.DYNAMIC), false, () -> false);

    Diagnostics notes = lister.list(config("/data", null, true), false, context, listed -> !listed.displayName()
        .equals("z.txt"));

    assertEquals(List.of("Directory skipped"), notes.asList().stream().map(Diagnostic::summary).toList());
  }

  /** The detail of the one error event a listing of {@code config} sends. */
  private String onlyDetail(Value.ObjectVal config) {
    Recorder recorder = list(config, false, 100);
    assertEquals(1, recorder.events.size(), recorder.names().toString());
    return recorder.events.get(0).diagnostics().asList().get(0).detail();
  }

  @Test
  void an_empty_result_sends_nothing() {
    assertEquals(List.of(), list(config("/data", "*.yaml", true), false, 100).events);
  }

  @Test
  void validation_refuses_a_blank_directory_and_a_broken_pattern_at_their_paths() {
    Diagnostics blank = service.validate(new Commands.ValidateConfig(FileTerraform.TYPE,
        MapWire.of(config(" ", null, null))));
    Diagnostics broken = service.validate(new Commands.ValidateConfig(FileTerraform.TYPE,
        MapWire.of(config("/data", "[a", null))));
    assertEquals(AttributePath.attribute("directory"), blank.asList().get(0).path());
    assertEquals(AttributePath.attribute("pattern"), broken.asList().get(0).path());
    assertFalse(service.validate(new Commands.ValidateConfig(FileTerraform.TYPE, MapWire.of(
        config("/data", null, null).with("directory", Value.unknown(CtyType.STRING))))).hasErrors());
  }
}
