package io.pyvider.adapters.cli;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyvider.application.port.in.ProviderSchemaUseCase;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.StateSealer;
import java.io.PrintWriter;

/** What every command may use: the ports, the streams of this run, and its colour style. */
final class Context {

  private static final ObjectMapper JSON = new ObjectMapper(
      new JsonFactoryBuilder().characterEscapes(new Printable.JsonEscapes()).build())
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
          Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  final ProviderSchemaUseCase schemas;
  final StateSealer sealer;
  final Clock clock;
  final Environment environment;
  final ProviderSmokeTest smokeTest;
  final ProviderDistribution distribution;
  final DaemonControl daemon;
  final CliStreams streams;
  final Style style;

  Context(ProviderSchemaUseCase schemas, StateSealer sealer, Clock clock, Environment environment,
      ProviderSmokeTest smokeTest, ProviderDistribution distribution, DaemonControl daemon, CliStreams streams) {
    this.schemas = schemas;
    this.sealer = sealer;
    this.clock = clock;
    this.environment = environment;
    this.smokeTest = smokeTest;
    this.distribution = distribution;
    this.daemon = daemon;
    this.streams = streams;
    this.style = new Style(streams.colour());
  }

  PrintWriter out() {
    return streams.out();
  }

  PrintWriter err() {
    return streams.err();
  }

  ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Prints a JSON document on stdout, indented, one trailing newline; values are exact, escaped for a terminal. */
  void printJson(Object document) {
    try {
      out().println(JSON.writeValueAsString(document));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
