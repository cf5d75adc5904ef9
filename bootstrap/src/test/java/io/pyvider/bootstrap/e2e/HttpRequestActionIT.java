package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.bootstrap.examples.LoopbackApi;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pyvider_http_request action through the packaged binary, against a loopback HTTP server, walk by walk as
 * Terraform 1.14 runs {@code terraform apply -invoke}: validate without a configured provider, plan (which must send
 * nothing), invoke in the apply walk. Every outcome, a refused connection and a server that never answers included,
 * is a stream of progress events ending in one completed event, never a gRPC error. The provider logs at TRACE, and
 * the header values are remembered as secrets: closing the simulator fails if one reached a log line, a progress
 * message or a diagnostic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpRequestActionIT {

  private static final String ACTION = "pyvider_http_request";
  private static final String AUTHORIZATION = "Bearer e2e-action-header-4d1c9b";
  private static final String API_KEY = "e2e-action-key-77f0a2";
  private static final String PAYLOAD = "deployed release 1.4.2";

  private Path home;
  private LoopbackApi api;
  private TerraformSimulator terraform;
  private ResourceSchema schema;

  @BeforeAll
  void start() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-action");
    api = LoopbackApi.start(Map.of(
        "PUT /anything/hook", new LoopbackApi.Answer(201, "{\"accepted\":true}"),
        "POST /anything/unavailable", new LoopbackApi.Answer(503, "{\"error\":\"maintenance\"}")));
    terraform = new TerraformSimulator(ProviderLaunch.binary(home).with("TF_LOG_PROVIDER", "TRACE"));
    schema = terraform.action(ACTION);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      terraform.close(); // also fails if a header value reached the provider's log, a progress message or a diagnostic
    } finally {
      api.close();
      TestFiles.deleteTree(home);
    }
  }

  /** The webhook call the tests send: PUT with both secret headers, a content type and a body. */
  private Value.ObjectVal hook(String url, String timeout) {
    Map<String, Value> headers = new TreeMap<>(Map.of("Authorization", Value.string(AUTHORIZATION),
        "X-Api-Key", Value.string(API_KEY), "Content-Type", Value.string("text/plain")));
    return schema.config(Map.of("url", Value.string(url), "method", Value.string("PUT"),
        "headers", Value.MapVal.of(CtyType.STRING, headers), "body", Value.string(PAYLOAD),
        "timeout", Value.string(timeout)));
  }

  private Value.ObjectVal post(String url, String timeout) {
    return schema.config(Map.of("url", Value.string(url), "timeout", Value.string(timeout)));
  }

  private static Diag onlyError(ProviderRpc.ActionRun run) {
    assertEquals(1, run.diagnostics().size(), run.diagnostics().toString());
    assertTrue(run.diagnostics().get(0).isError(), run.diagnostics().toString());
    assertFalse(run.progress().isEmpty(), "no progress before the outcome");
    return run.diagnostics().get(0);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void the_schema_is_advertised_as_terraform_reads_it() {
    assertTrue(schema.attribute("url").required());
    for (String optional : List.of("method", "headers", "body", "timeout")) {
      ResourceSchema.Attr attribute = schema.attribute(optional);
      assertTrue(attribute.optional() && !attribute.required() && !attribute.computed(), optional);
    }
    assertEquals(CtyType.mapOf(CtyType.STRING), schema.attribute("headers").type());
    assertEquals(CtyType.STRING, schema.attribute("timeout").type());
    assertTrue(schema.attribute("headers").sensitive());
    try (Walk validate = terraform.validateWalk()) {
      Tfplugin6.GetMetadata.Response metadata = validate.stub().getMetadata(
          Tfplugin6.GetMetadata.Request.getDefaultInstance());
      assertEquals(List.of(ACTION), metadata.getActionsList().stream()
          .map(Tfplugin6.GetMetadata.ActionMetadata::getTypeName).toList());
    }
  }

  @Test
  void validation_needs_no_configured_provider_and_names_a_bad_url() {
    try (Walk validate = terraform.validateWalk()) {
      assertEquals(List.of(), validate.validateAction(ACTION, hook(api.baseUrl() + "/hook", "10s")));
      List<Diag> badUrl = validate.validateAction(ACTION, post("ftp://example.invalid/x", "10s"));
      assertEquals(1, Diag.errors(badUrl).size(), badUrl.toString());
      assertEquals("url", Diag.errors(badUrl).get(0).path());
      List<Diag> badTimeout = validate.validateAction(ACTION, post(api.baseUrl(), "forever"));
      assertEquals("timeout", Diag.errors(badTimeout).get(0).path(), badTimeout.toString());
      Value.ObjectVal unknown = schema.config(Map.of("url", Value.unknown(CtyType.STRING),
          "headers", Value.unknown(CtyType.mapOf(CtyType.STRING))));
      assertEquals(List.of(), validate.validateAction(ACTION, unknown));
      assertTrue(validate.rpcsSent().stream().allMatch("ValidateActionConfig"::equals), validate.rpcsSent().toString());
    }
  }

  @Test
  void planning_sends_nothing_and_invoking_sends_the_request_once_as_configured() {
    String url = api.baseUrl() + "/hook";
    int before = api.requests().size();
    try (Walk plan = terraform.walk("plan")) {
      assertEquals(List.of(), plan.validateAction(ACTION, hook(url, "10s")));
      assertEquals(List.of(), plan.planAction(ACTION, hook(url, "10s")));
    }
    assertEquals(before, api.requests().size(), "planning an action must not send its request");

    try (Walk apply = terraform.walk("apply")) {
      ProviderRpc.ActionRun run = apply.invokeAction(ACTION, hook(url, "10s"));
      assertEquals(List.of(), run.diagnostics());
      assertFalse(run.progress().isEmpty(), "no progress event");
      assertTrue(run.progress().get(0).contains("PUT " + url), run.progress().toString());
    }
    List<LoopbackApi.Request> sent = api.requests().subList(before, api.requests().size());
    assertEquals(1, sent.size(), sent.toString());
    LoopbackApi.Request request = sent.get(0);
    assertEquals("PUT", request.method());
    assertEquals("/anything/hook", request.path());
    assertEquals(AUTHORIZATION, request.headers().get("authorization"));
    assertEquals(API_KEY, request.headers().get("x-api-key"));
    assertEquals("text/plain", request.headers().get("content-type"));
    assertEquals(PAYLOAD, request.body());
  }

  @Test
  void a_503_completes_with_an_error_naming_the_status_after_one_attempt() {
    int before = api.requests().size();
    try (Walk apply = terraform.walk("apply 503")) {
      Diag error = onlyError(apply.invokeAction(ACTION, post(api.baseUrl() + "/unavailable", "10s")));
      assertTrue(error.summary().contains("503") || error.detail().contains("503"), error.toString());
    }
    assertEquals(before + 1, api.requests().size(), "an action's request is never retried");
  }

  @Test
  void a_refused_connection_completes_with_an_error_not_a_grpc_error() throws Exception {
    try (Walk apply = terraform.walk("apply refused")) {
      Diag error = onlyError(apply.invokeAction(ACTION, hook("http://127.0.0.1:" + closedPort() + "/hook", "5s")));
      assertTrue(error.detail().contains("connection"), error.toString());
    }
  }

  @Test
  void a_server_that_never_answers_completes_with_a_timeout_error_after_the_timeout() throws Exception {
    // The kernel accepts connections into the backlog; nothing ever reads or answers them.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Walk apply = terraform.walk("apply silent")) {
      long started = System.nanoTime();
      Diag error = onlyError(apply.invokeAction(ACTION,
          hook("http://127.0.0.1:" + silent.getLocalPort() + "/hook", "2s")));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(error.detail().contains("timed out"), error.toString());
      assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0 && took.compareTo(Duration.ofSeconds(30)) < 0,
          "the invocation took " + took);
    }
  }

  @Test
  void header_values_are_checked_for_and_never_reach_a_log_line_progress_or_diagnostic() {
    try (Walk apply = terraform.walk("apply secrets")) {
      apply.invokeAction(ACTION, hook(api.baseUrl() + "/unavailable-for-put", "10s"));
    }
    assertTrue(terraform.sensitiveValuesSeen().containsAll(List.of(AUTHORIZATION, API_KEY)),
        "the header values are not among the secrets the leak check looks for");
    assertTrue(terraform.processes().stream().anyMatch(process -> process.stderrLines().stream()
        .anyMatch(line -> line.contains("InvokeAction"))), "the provider logged nothing about InvokeAction at TRACE");
    assertEquals(List.of(), terraform.leaks());
  }
}
