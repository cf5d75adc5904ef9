package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Terraform 1.12–1.14's discovery RPCs through the packaged binary: resource identity in plan, apply, refresh and
 * import answers; {@code terraform query}'s ListResource stream (objects, recursion, limit, an empty result, a missing
 * directory, a stream Terraform cancels midway); GenerateResourceConfig for the imported object.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryAndImportIT {

  private static final String FILE = "pyvider_file_content";
  private static final String TOKEN = "pyvider_timed_token";

  private Path home;
  private Path tree;
  private TerraformSimulator terraform;
  private ResourceSchema fileSchema;
  private CtyType.ObjectOf listType;
  private CtyType.ObjectOf identityType;

  @BeforeAll
  void startTerraform() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-query");
    tree = home.resolve("tree");
    for (String file : List.of("a.txt", "b.txt", "c.log", "sub/d.txt", "sub/e.log", "sub.txt")) {
      Path path = tree.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "content of " + file + "\n", StandardCharsets.UTF_8);
    }
    Files.createDirectories(tree.resolve("empty"));
    Files.createSymbolicLink(tree.resolve("link.txt"), home.resolve("outside.txt"));
    Files.writeString(home.resolve("outside.txt"), "outside the listed tree\n", StandardCharsets.UTF_8);
    terraform = new TerraformSimulator(ProviderLaunch.binary(home).with("TF_LOG_PROVIDER", "DEBUG"));
    fileSchema = terraform.resource(FILE);
    listType = ResourceSchema.of(FILE, terraform.providerSchema().getListResourceSchemasOrThrow(FILE)).impliedType();
    identityType = new CtyType.ObjectOf(Map.of("filename", CtyType.STRING));
  }

  @AfterAll
  void stopTerraform() throws Exception {
    try {
      terraform.close();
    } finally {
      TestFiles.deleteTree(home);
    }
  }

  private Tfplugin6.DynamicValue listConfig(String directory, String pattern, Boolean recursive) {
    Map<String, Value> values = new TreeMap<>();
    values.put("directory", Value.string(directory));
    values.put("pattern", pattern == null ? Value.nullOf(CtyType.STRING) : Value.string(pattern));
    values.put("recursive", recursive == null ? Value.nullOf(CtyType.BOOL) : Value.bool(recursive));
    return ProviderRpc.dynamic(Value.ObjectVal.of(values), listType);
  }

  private static Tfplugin6.ListResource.Request listRequest(Tfplugin6.DynamicValue config, boolean include,
      long limit) {
    return Tfplugin6.ListResource.Request.newBuilder().setTypeName(FILE).setConfig(config)
        .setIncludeResourceObject(include).setLimit(limit).build();
  }

  private List<Tfplugin6.ListResource.Event> list(Walk walk, Tfplugin6.ListResource.Request request) {
    List<Tfplugin6.ListResource.Event> events = new ArrayList<>();
    walk.stub().listResource(request).forEachRemaining(events::add);
    return events;
  }

  private Value identity(Tfplugin6.ResourceIdentityData data) {
    return decode(data.getIdentityData(), identityType);
  }

  private static Value decode(Tfplugin6.DynamicValue value, CtyType type) {
    try {
      return CtyMsgpack.decode(value.getMsgpack().toByteArray(), type);
    } catch (CtyMsgpack.WireError undecodable) {
      throw new AssertionError("the provider sent a value that does not decode as " + type, undecodable);
    }
  }

  private static Value filenameIdentity(Path path) {
    return Value.ObjectVal.of(Map.of("filename", Value.string(path.toString())));
  }

  @Test
  void a_listing_streams_matching_files_in_path_order_with_identities_and_objects_only_when_asked() {
    try (Walk query = terraform.walk("query")) {
      List<Tfplugin6.ListResource.Event> txt = list(query, listRequest(listConfig(tree.toString(), "*.txt", null),
          true, 100));
      assertEquals(List.of("a.txt", "b.txt", "sub.txt"), txt.stream().map(Tfplugin6.ListResource.Event::getDisplayName)
          .toList(), "symbolic links and subdirectories are not listed without recursion");
      for (Tfplugin6.ListResource.Event event : txt) {
        Path file = tree.resolve(event.getDisplayName());
        assertEquals(filenameIdentity(file), identity(event.getIdentity()));
        Value.ObjectVal object = (Value.ObjectVal) decode(event.getResourceObject(), fileSchema.impliedType());
        assertEquals(Value.string("content of " + event.getDisplayName() + "\n"), object.get("content"));
      }

      List<Tfplugin6.ListResource.Event> all = list(query, listRequest(listConfig(tree.toString(), null, true),
          false, 100));
      assertEquals(List.of("a.txt", "b.txt", "c.log", "sub.txt", "sub/d.txt", "sub/e.log"),
          all.stream().map(Tfplugin6.ListResource.Event::getDisplayName).toList(), "sorted by path");
      assertTrue(all.stream().noneMatch(Tfplugin6.ListResource.Event::hasResourceObject), "objects only when asked");

      List<Tfplugin6.ListResource.Event> limited = list(query, listRequest(listConfig(tree.toString(), null, true),
          false, 2));
      assertEquals(List.of("a.txt", "b.txt"), limited.stream().map(Tfplugin6.ListResource.Event::getDisplayName)
          .toList(), "at most limit events are produced");

      assertEquals(List.of(), list(query, listRequest(listConfig(tree.resolve("empty").toString(), null, null),
          true, 100)), "an empty directory lists nothing, without diagnostics");

      List<Tfplugin6.ListResource.Event> missing = list(query, listRequest(listConfig(
          tree.resolve("nope").toString(), null, null), false, 100));
      assertEquals(1, missing.size());
      assertEquals(Tfplugin6.Diagnostic.Severity.ERROR, missing.get(0).getDiagnostic(0).getSeverity());
      assertFalse(missing.get(0).hasIdentity());
    }
  }

  @Test
  void a_listing_terraform_cancels_midway_stops_and_the_provider_keeps_serving() throws Exception {
    Path many = home.resolve("many");
    Files.createDirectories(many);
    for (int i = 0; i < 3000; i++) {
      Files.writeString(many.resolve(String.format("f%05d.txt", i)), "x".repeat(4096), StandardCharsets.UTF_8);
    }
    try (Walk query = terraform.walk("cancelled query")) {
      Context.CancellableContext cancellable = Context.current().withCancellation();
      Tfplugin6.ListResource.Event first = cancellable.call(() -> {
        Iterator<Tfplugin6.ListResource.Event> events = query.stub().listResource(listRequest(
            listConfig(many.toString(), null, null), true, 0));
        return events.next();
      });
      cancellable.cancel(null);
      assertEquals("f00000.txt", first.getDisplayName());
      // The handler returns (and logs it) once it notices the cancellation, long before 3000 files are read.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (query.process().stderrLines().stream().noneMatch(line -> line.contains("\"rpc\":\"ListResource\""))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(query.process().stderrLines().stream().anyMatch(line -> line.contains("\"rpc\":\"ListResource\"")),
          "the cancelled listing never ended");
      assertEquals(1, list(query, listRequest(listConfig(many.toString(), null, null), false, 1)).size(),
          "the provider still serves");
    }
  }

  @Test
  void identity_is_answered_throughout_a_files_life_and_import_by_identity_matches_the_listing() {
    Path file = tree.resolve("managed.txt");
    Value.ObjectVal config = fileSchema.config(Map.of("filename", Value.string(file.toString()),
        "content", Value.string("managed\n")));
    Tfplugin6.ApplyResourceChange.Response applied;
    try (Walk walk = terraform.walk("create")) {
      Change plan = walk.plan(FILE, null, config);
      applied = walk.stub().applyResourceChange(Tfplugin6.ApplyResourceChange.Request.newBuilder()
          .setTypeName(FILE).setPriorState(ProviderRpc.dynamic(Value.nullOf(fileSchema.impliedType()),
              fileSchema.impliedType()))
          .setPlannedState(ProviderRpc.dynamic(plan.after(), fileSchema.impliedType()))
          .setConfig(ProviderRpc.dynamic(config, fileSchema.impliedType()))
          .setPlannedPrivate(ByteString.copyFrom(plan.plannedPrivate())).build());
    }
    assertEquals(List.of(), applied.getDiagnosticsList());
    assertEquals(filenameIdentity(file), identity(applied.getNewIdentity()));

    try (Walk walk = terraform.walk("import")) {
      Tfplugin6.ImportResourceState.Response imported = walk.stub().importResourceState(
          Tfplugin6.ImportResourceState.Request.newBuilder().setTypeName(FILE)
              .setIdentity(Tfplugin6.ResourceIdentityData.newBuilder().setIdentityData(ProviderRpc.dynamic(
                  filenameIdentity(file), identityType))).build());
      assertEquals(List.of(), imported.getDiagnosticsList());
      Tfplugin6.ImportResourceState.ImportedResource object = imported.getImportedResources(0);
      assertEquals(filenameIdentity(file), identity(object.getIdentity()));

      Tfplugin6.ReadResource.Response read = walk.stub().readResource(Tfplugin6.ReadResource.Request.newBuilder()
          .setTypeName(FILE).setCurrentState(object.getState()).setCurrentIdentity(object.getIdentity()).build());
      assertEquals(filenameIdentity(file), identity(read.getNewIdentity()));

      Tfplugin6.GenerateResourceConfig.Response generated = walk.stub().generateResourceConfig(
          Tfplugin6.GenerateResourceConfig.Request.newBuilder().setTypeName(FILE).setState(object.getState()).build());
      assertEquals(List.of(), generated.getDiagnosticsList());
      Value.ObjectVal hcl = (Value.ObjectVal) decode(generated.getConfig(), fileSchema.impliedType());
      assertEquals(fileSchema.config(Map.of("filename", Value.string(file.toString()),
          "content", Value.string("managed\n"))), hcl, "only what configuration can set, and plans no change");

      Tfplugin6.ImportResourceState.Response absent = walk.stub().importResourceState(
          Tfplugin6.ImportResourceState.Request.newBuilder().setTypeName(FILE)
              .setIdentity(Tfplugin6.ResourceIdentityData.newBuilder().setIdentityData(ProviderRpc.dynamic(
                  filenameIdentity(tree.resolve("absent.txt")), identityType))).build());
      assertEquals(0, absent.getImportedResourcesCount());
      assertTrue(absent.getDiagnostics(0).getDetail().contains(tree.resolve("absent.txt").toString()));

      Tfplugin6.ImportResourceState.Response token = walk.stub().importResourceState(
          Tfplugin6.ImportResourceState.Request.newBuilder().setTypeName(TOKEN)
              .setIdentity(Tfplugin6.ResourceIdentityData.newBuilder().setIdentityData(ProviderRpc.dynamic(
                  Value.ObjectVal.of(Map.of("id", Value.string("timed-token-id-x"))),
                  new CtyType.ObjectOf(Map.of("id", CtyType.STRING))))).build());
      assertEquals(Tfplugin6.Diagnostic.Severity.ERROR, token.getDiagnostics(0).getSeverity());
      assertEquals("pyvider_timed_token cannot be imported", token.getDiagnostics(0).getSummary());
    }
  }

  @Test
  void the_identity_schemas_are_served_at_version_0() {
    try (Walk walk = terraform.validateWalk()) {
      Tfplugin6.GetResourceIdentitySchemas.Response schemas = walk.stub().getResourceIdentitySchemas(
          Tfplugin6.GetResourceIdentitySchemas.Request.getDefaultInstance());
      assertEquals(List.of(FILE, TOKEN), schemas.getIdentitySchemasMap().keySet().stream().sorted().toList());
      Tfplugin6.ResourceIdentitySchema file = schemas.getIdentitySchemasOrThrow(FILE);
      assertEquals(0, file.getVersion());
      assertEquals("filename", file.getIdentityAttributes(0).getName());
      assertTrue(file.getIdentityAttributes(0).getRequiredForImport());
    }
  }
}
