package io.pyvider.adapters.host;

import static io.pyvider.adapters.host.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.DataSource;
import io.pyvider.application.component.envvariables.EnvVariablesDataSource;
import io.pyvider.application.component.filecontent.FileContentResource;
import io.pyvider.application.component.httpapi.HttpApiDataSource;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.fakes.ProposedNewState;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.DataSourceService;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.lifecycle.ResourceLifecycleService;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The components with the real host adapters behind the lifecycle engine: the conformance harness's scenarios for
 * pyvider_file_content, pyvider_http_api and pyvider_env_variables, on a temporary directory and a loopback server.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ComponentsOnTheHostTest {

  @TempDir
  Path dir;

  // --- pyvider_file_content -----------------------------------------------------------------------------------

  private final class OnDisk {
    final FileContentResource resource = new FileContentResource(HostModule.localFileStore(), () -> dir);
    final ResourceLifecycleService service = new ResourceLifecycleService(
        new ComponentCatalog(List.of(resource), List.of()), new ProviderSession(Environment.of(Map.of())),
        new PassThroughSealer());
    final Block block = resource.schema().block();

    Value.ObjectVal config(String filename, String content) {
      return block.emptyValue().with("filename", Value.string(filename)).with("content", Value.string(content));
    }

    Outcomes.PlanResource plan(Value prior, Value config) {
      return service.plan(new Commands.PlanResource("pyvider_file_content", MapWire.of(prior),
          MapWire.of(ProposedNewState.of(block, prior, config)), MapWire.of(config), new byte[0]));
    }

    Outcomes.ApplyResource apply(Value prior, Outcomes.PlanResource plan, Value config) {
      return service.apply(new Commands.ApplyResource("pyvider_file_content", MapWire.of(prior),
          MapWire.of(plan.planned()), MapWire.of(config), plan.plannedPrivate()));
    }

    Outcomes.ReadResource read(Value state) {
      return service.read(new Commands.ReadResource("pyvider_file_content", MapWire.of(state), new byte[0]));
    }

    Value nothing() {
      return Value.nullOf(block.impliedType());
    }
  }

  @Test
  void file_content_creates_detects_drift_restores_and_destroys_a_real_file() throws IOException {
    OnDisk terraform = new OnDisk();
    Path path = dir.resolve("harness.txt");
    String content = "hello from tfdrive\nline two\n";
    Value.ObjectVal config = terraform.config(path.toString(), content);

    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), config);
    assertFalse(Files.exists(path), "planning must not write");
    Outcomes.ApplyResource created = terraform.apply(terraform.nothing(), plan, config);
    assertEquals(Diagnostics.NONE, created.diagnostics());
    assertEquals(content, Files.readString(path));

    Files.writeString(path, "edited outside terraform\n");
    Outcomes.ReadResource refreshed = terraform.read(created.newState());
    assertEquals(Value.string("edited outside terraform\n"),
        ((Value.ObjectVal) refreshed.newState()).get("content"));

    Outcomes.PlanResource fix = terraform.plan(refreshed.newState(), config);
    Outcomes.ApplyResource restored = terraform.apply(refreshed.newState(), fix, config);
    assertEquals(Diagnostics.NONE, restored.diagnostics());
    assertEquals(content, Files.readString(path));

    Outcomes.ApplyResource destroyed = terraform.apply(restored.newState(), terraform.plan(restored.newState(),
        terraform.nothing()), terraform.nothing());
    assertTrue(destroyed.newState().isNull());
    assertFalse(Files.exists(path));
    assertTrue(terraform.read(restored.newState()).newState().isNull());
  }

  @Test
  void file_content_resolves_relative_names_against_the_working_directory() throws IOException {
    OnDisk terraform = new OnDisk();
    Value.ObjectVal config = terraform.config("nested/dir/app.conf", "x=1\n");

    terraform.apply(terraform.nothing(), terraform.plan(terraform.nothing(), config), config);

    assertEquals("x=1\n", Files.readString(dir.resolve("nested/dir/app.conf")));
  }

  @Test
  void file_content_reports_a_directory_a_bad_parent_and_a_too_long_name_on_filename() throws IOException {
    OnDisk terraform = new OnDisk();
    Files.createDirectory(dir.resolve("a-directory"));
    Files.writeString(dir.resolve("a-file"), "x");

    Diagnostic directory = terraform.plan(terraform.nothing(), terraform.config("a-directory", "x"))
        .diagnostics().asList().get(0);
    Value.ObjectVal badParent = terraform.config("a-file/child.txt", "x");
    Diagnostic parent = terraform.apply(terraform.nothing(), terraform.plan(terraform.nothing(), badParent),
        badParent).diagnostics().asList().get(0);
    Value.ObjectVal tooLong = terraform.config("n".repeat(300), "x");
    Diagnostic longName = terraform.apply(terraform.nothing(), terraform.plan(terraform.nothing(), tooLong),
        tooLong).diagnostics().asList().get(0);

    for (Diagnostic error : List.of(directory, parent, longName)) {
      assertTrue(error.isError(), error.toString());
      assertEquals("filename", error.path().toString());
    }
    assertTrue(parent.detail().contains("not a directory"), parent.detail());
    assertTrue(longName.detail().contains("too long"), longName.detail());
  }

  @Test
  void file_content_with_a_nul_in_the_name_is_a_validation_error() {
    OnDisk terraform = new OnDisk();

    Diagnostics diagnostics = terraform.service.validate(new Commands.ValidateConfig("pyvider_file_content",
        MapWire.of(terraform.config("a\0b", "x"))));

    assertTrue(diagnostics.hasErrors());
    assertEquals("filename", diagnostics.asList().get(0).path().toString());
  }

  @Test
  void file_content_replacement_leaves_no_old_file_behind() throws IOException {
    OnDisk terraform = new OnDisk();
    Value.ObjectVal first = terraform.config("first.txt", "x");
    Value.ObjectVal second = terraform.config("second.txt", "x");
    Outcomes.ApplyResource created = terraform.apply(terraform.nothing(), terraform.plan(terraform.nothing(),
        first), first);

    Outcomes.PlanResource change = terraform.plan(created.newState(), second);
    terraform.apply(created.newState(), terraform.plan(created.newState(), terraform.nothing()),
        terraform.nothing());
    terraform.apply(terraform.nothing(), terraform.plan(terraform.nothing(), second), second);

    assertEquals(1, change.requiresReplace().size());
    assertFalse(Files.exists(dir.resolve("first.txt")));
    assertEquals("x", Files.readString(dir.resolve("second.txt")));
  }

  // --- pyvider_http_api ---------------------------------------------------------------------------------------

  private static DataSourceService dataSources(DataSource dataSource) {
    return new DataSourceService(new ComponentCatalog(List.of(), List.of(dataSource)),
        new ProviderSession(Environment.of(Map.of())));
  }

  private static Value headers(Map<String, String> headers) {
    Map<String, Value> values = new TreeMap<>();
    headers.forEach((k, v) -> values.put(k, Value.string(v)));
    return Value.MapVal.of(CtyType.STRING, values);
  }

  @Test
  void http_api_sends_the_authorization_header_and_returns_status_and_body() throws IOException {
    String secret = "Bearer tfdrive-7f3a9c-loopback-only";
    String body = "{\"ok\":true,\"served_by\":\"tfdrive\"}";
    try (LoopbackServer server = new LoopbackServer()) {
      server.route("/tfdrive/check", exchange -> {
        boolean authorized = secret.equals(exchange.getRequestHeaders().getFirst("Authorization"));
        respond(exchange, authorized ? 200 : 401, authorized ? body : "missing or wrong Authorization header",
            Map.of("Content-Type", List.of("application/json"), "X-Tfdrive", List.of("1")));
      });
      HttpApiDataSource http = new HttpApiDataSource(HostModule.jdkHttpTransport(), HostModule.threadSleeper());
      Value.ObjectVal config = http.schema().block().emptyValue()
          .with("url", Value.string(server.url("/tfdrive/check")))
          .with("headers", headers(Map.of("Authorization", secret)));

      Outcomes.ReadData read = dataSources(http).read(new Commands.ReadData("pyvider_http_api",
          MapWire.of(config)));

      assertEquals(Diagnostics.NONE, read.diagnostics());
      Value.ObjectVal state = (Value.ObjectVal) read.state();
      assertEquals(Value.number(200), state.get("status_code"));
      assertEquals(Value.string(body), state.get("response_body"));
      assertEquals(Value.string("application/json"), state.get("content_type"));
      assertEquals(Value.string("1"), ((Value.MapVal) state.get("response_headers")).entries().get("x-tfdrive"));
      assertEquals(secret, server.seen.get(0).header("Authorization"));
    }
  }

  @Test
  void http_api_turns_a_refused_connection_into_an_error_or_with_soft_fail_an_error_message() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    HttpApiDataSource http = new HttpApiDataSource(HostModule.jdkHttpTransport(), HostModule.threadSleeper());
    Value.ObjectVal config = http.schema().block().emptyValue()
        .with("url", Value.string("http://127.0.0.1:" + closedPort + "/"));

    Outcomes.ReadData hard = dataSources(http).read(new Commands.ReadData("pyvider_http_api", MapWire.of(config)));
    Outcomes.ReadData soft = dataSources(http).read(new Commands.ReadData("pyvider_http_api",
        MapWire.of(config.with("soft_fail", Value.bool(true)))));

    assertTrue(hard.diagnostics().hasErrors());
    assertTrue(hard.diagnostics().asList().get(0).detail().contains("127.0.0.1:" + closedPort));
    assertEquals(Diagnostics.NONE, soft.diagnostics());
    assertTrue(((Value.ObjectVal) soft.state()).get("error_message") instanceof Value.Str);
  }

  // --- pyvider_env_variables ----------------------------------------------------------------------------------

  @Test
  void env_variables_reads_the_given_environment_and_hides_the_providers_secrets() {
    EnvVariablesDataSource env = new EnvVariablesDataSource(Environment.of(Map.of("HARNESS_VAR", "hello",
        "PYVIDER_PRIVATE_STATE_SHARED_SECRET", "k")));
    Value.ObjectVal config = env.schema().block().emptyValue()
        .with("keys", new Value.ListVal(CtyType.STRING, List.of(Value.string("HARNESS_VAR"))))
        .with("include_all_environment", Value.bool(true));

    Outcomes.ReadData read = dataSources(env).read(new Commands.ReadData("pyvider_env_variables",
        MapWire.of(config)));

    Value.ObjectVal state = (Value.ObjectVal) read.state();
    assertEquals(Map.of("HARNESS_VAR", Value.string("hello")), ((Value.MapVal) state.get("values")).entries());
    assertEquals(Map.of("HARNESS_VAR", Value.string("hello")),
        ((Value.MapVal) state.get("all_environment")).entries());
  }
}
