package io.pyvider.adapters.cli;

import io.pyvider.application.component.timedtoken.TimedTokenEphemeralResource;
import io.pyvider.application.component.timedtoken.TimedTokenResource;
import io.pyvider.application.fakes.FakeClock;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.fakes.SequentialIds;
import io.pyvider.application.lifecycle.ProviderService;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.ProviderSchemaUseCase;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealResult;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.NestedBlock;
import io.pyvider.domain.terraform.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process with fakes for every port: a fixed clock at {@value #NOW_TEXT}, a fixed environment, the
 * real timed-token schemas (managed and ephemeral) plus a test resource with an identity and a list resource, a data
 * source, an action and functions, the application's
 * pass-through sealer (and the Python provider's format 1 for blobs starting with 0x01), a scripted smoke test, a
 * scripted daemon (running) and a distribution over temporary files.
 */
final class CliHarness {

  static final String NOW_TEXT = "2026-01-15T14:00:00Z";
  static final Instant NOW = Instant.parse(NOW_TEXT);

  final FakeClock clock = new FakeClock(NOW);
  final Map<String, String> environment = new HashMap<>();
  ProviderSchemaUseCase schemas = CliHarness::testSchemas;
  List<String> secrets = new ArrayList<>(List.of("correct horse battery staple", "another-shared-secret"));
  StateSealer sealer = null;
  final ScriptedSmokeTest smokeTest = new ScriptedSmokeTest();
  final ScriptedDaemon daemon = new ScriptedDaemon();
  final TestDistribution distribution;
  String stdin = "";
  boolean colour;

  CliHarness(Path temporary) {
    this.distribution = new TestDistribution(temporary);
  }

  record Result(int code, String out, String err) {
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliStreams streams = CliStreams.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
        colour);
    int code = run(streams, args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs one command line with these fakes on the given streams; returns the exit code. */
  int run(CliStreams streams, String... args) {
    StateSealer used = sealer != null ? sealer : composite(new PythonFormatOneSealer(secrets.toArray(String[]::new)));
    return new Cli(schemas, used, clock, Environment.of(environment), smokeTest, distribution, daemon)
        .run(streams, args);
  }

  /** A fixture state file's path, as a string for --state. */
  static String state(String name) {
    try {
      return Path.of(CliHarness.class.getResource("/states/" + name).toURI()).toString();
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture " + name, e);
    }
  }

  static String read(String fixture) {
    try {
      return Files.readString(Path.of(state(fixture)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Private state as the harness's pass-through sealer seals it, base64 as a state file holds it. */
  static String sealed(String resourceType, Map<String, String> fields) {
    SealResult.Sealed blob = (SealResult.Sealed) new PassThroughSealer().seal(PrivateData.of(fields),
        new SealingContext(resourceType));
    return Base64.getEncoder().encodeToString(blob.blob());
  }

  /** Format-1 blobs (first byte 0x01) go to the Python format, everything else to the pass-through fake. */
  private static StateSealer composite(StateSealer python) {
    PassThroughSealer passThrough = new PassThroughSealer();
    return new StateSealer() {
      @Override
      public SealResult seal(PrivateData data, SealingContext context) {
        return passThrough.seal(data, context);
      }

      @Override
      public UnsealResult unseal(byte[] blob, SealingContext context) {
        return blob.length > 0 && blob[0] == 1 ? python.unseal(blob, context) : passThrough.unseal(blob, context);
      }
    };
  }

  /**
   * The real provider and timed-token schemas (the ephemeral token shares the managed one's name, as in the provider),
   * a test resource with every schema feature, an identity and a list resource, a data source, an action and three
   * functions (documented, undocumented with a nullable argument, without arguments).
   */
  static Outcomes.ProviderSchemas testSchemas() {
    Map<String, Schema> resources = new LinkedHashMap<>();
    resources.put("pyvider_timed_token", new TimedTokenResource(new FakeClock(NOW), new SequentialIds()).schema());
    resources.put("pyvider_widget", WIDGET);
    Map<String, Schema> dataSources = Map.of("pyvider_lookup", LOOKUP);
    Map<String, Schema> ephemeralResources = Map.of("pyvider_timed_token",
        new TimedTokenEphemeralResource(new FakeClock(NOW), new SequentialIds()).schema());
    return new Outcomes.ProviderSchemas(ProviderService.PROVIDER_SCHEMA, resources, dataSources, ephemeralResources,
        Map.of("pyvider_widget", WIDGET_LIST), Map.of("pyvider_notify", NOTIFY), FUNCTIONS,
        Map.of("pyvider_widget", WIDGET_IDENTITY));
  }

  static final Schema WIDGET = new Schema(3, new Block(orderedAttributes(
      Attribute.builder("size", CtyType.NUMBER).required().description("How big.").build(),
      Attribute.builder("label", CtyType.STRING).optional().computed().description("A label.").build(),
      Attribute.builder("password", CtyType.STRING).optional().sensitive().writeOnly()
          .description("Sent once, never stored.").build(),
      Attribute.builder("legacy", CtyType.BOOL).optional().deprecated().build(),
      Attribute.builder("owner", CtyType.ObjectOf.of("email", CtyType.STRING, "id", CtyType.NUMBER)).computed()
          .description("Who owns it.").build()),
      Map.of("rule", new NestedBlock("rule", Block.of("A rule.", List.of(
          Attribute.builder("pattern", CtyType.STRING).required().description("What to match.").build(),
          Attribute.builder("weight", CtyType.NUMBER).optional().build())), NestedBlock.Nesting.LIST, 1, 5)),
      "A test widget with every schema feature.", false));

  static final Schema LOOKUP = new Schema(0, Block.of("Looks things up.", List.of(
      Attribute.builder("key", CtyType.STRING).required().description("What to look up.").build(),
      Attribute.builder("values", CtyType.listOf(CtyType.setOf(CtyType.STRING))).computed()
          .description("What was found.").build(),
      Attribute.builder("secret", CtyType.mapOf(CtyType.STRING)).computed().sensitive().build())));

  static final IdentitySchema WIDGET_IDENTITY = new IdentitySchema(1, List.of(
      new IdentitySchema.IdentityAttribute("serial", CtyType.NUMBER, true, false, "The serial number."),
      new IdentitySchema.IdentityAttribute("region", CtyType.STRING, false, true, "")));

  static final Schema WIDGET_LIST = new Schema(0, Block.of("Finds existing widgets.", List.of(
      Attribute.builder("directory", CtyType.STRING).required().description("Where to look.").build(),
      Attribute.builder("pattern", CtyType.STRING).optional().description("Which names to list.").build(),
      Attribute.builder("recursive", CtyType.BOOL).optional().build())));

  static final Schema NOTIFY = new Schema(0, Block.of("Tells a web service.", List.of(
      Attribute.builder("url", CtyType.STRING).required().description("Where to send it.").build(),
      Attribute.builder("headers", CtyType.mapOf(CtyType.STRING)).optional().sensitive().build())));

  static final Map<String, FunctionDeclaration> FUNCTIONS = Map.of(
      "parse_duration", new FunctionDeclaration("parse_duration", "Seconds in a duration.",
          "Parses a duration such as `1h30m` & returns its seconds.", List.of(new FunctionDeclaration.Parameter(
              "duration", CtyType.STRING, "A duration such as `1h30m`.", false, false)), CtyType.NUMBER),
      "first_of", new FunctionDeclaration("first_of", "", "", List.of(
          new FunctionDeclaration.Parameter("value", CtyType.STRING, "", true, false),
          new FunctionDeclaration.Parameter("fallbacks", CtyType.listOf(CtyType.STRING), "Tried in order.", false,
              true)), CtyType.DYNAMIC),
      "build_id", new FunctionDeclaration("build_id", "The build's id.", "", List.of(), CtyType.STRING));

  private static Map<String, Attribute> orderedAttributes(Attribute... attributes) {
    Map<String, Attribute> byName = new LinkedHashMap<>();
    for (Attribute attribute : attributes) {
      byName.put(attribute.name(), attribute);
    }
    return byName;
  }
}
