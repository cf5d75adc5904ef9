package io.pyvider.adapters.cli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateFileTest {

  private static final Selection EVERYTHING = new Selection(resource -> true, resource -> true);

  private static StateFile parse(String json) throws StateFileException {
    return StateFile.parse("test.tfstate", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        EVERYTHING);
  }

  @Test
  void addresses_read_as_terraform_prints_them() throws StateFileException {
    StateFile state = parse("""
        {"version": 4, "resources": [
          {"module": "module.a[\\"k\\"].module.b", "mode": "managed", "type": "pyvider_timed_token", "name": "t",
           "instances": [{"index_key": "we\\"ird\\\\${x}", "attributes": {"expires_at": "x"}},
                         {"index_key": 3, "attributes": {}}]},
          {"mode": "data", "type": "pyvider_env_variables", "name": "e", "instances": [{"attributes": {}}]}
        ]}""");
    List<String> addresses = state.instances().stream().map(ResourceInstance::address).toList();
    assertEquals(List.of("module.a[\"k\"].module.b.pyvider_timed_token.t[\"we\\\"ird\\\\$${x}\"]",
        "module.a[\"k\"].module.b.pyvider_timed_token.t[3]", "data.pyvider_env_variables.e"), addresses);
    assertEquals(2, state.managed("pyvider_timed_token").size());
    assertEquals(0, state.managed("pyvider_env_variables").size(), "data sources are not managed");
    assertEquals("module.a[\"k\"].module.b.pyvider_timed_token.t", state.instances().get(0).resourceAddress());
  }

  @Test
  void instances_keep_their_schema_version_private_state_status_and_deposed_key() throws StateFileException {
    ResourceInstance instance = parse("""
        {"version": 4, "resources": [{"mode": "managed", "type": "x", "name": "y", "instances": [
          {"schema_version": 1, "status": "tainted", "deposed": "00000001", "private": "AQID", "attributes": {}},
          {"attributes_flat": {"id": "legacy"}, "private": ""}]}]}""").instances().get(0);
    assertEquals(1, instance.schemaVersion());
    assertEquals("tainted", instance.status());
    assertEquals("00000001", instance.deposed());
    assertEquals("AQID", instance.privateBase64());
    assertEquals("x.y (deposed object 00000001)", instance.displayAddress());
    ResourceInstance legacy = parse("""
        {"version": 4, "resources": [{"mode": "managed", "type": "x", "name": "y", "instances": [
          {"attributes_flat": {"id": "legacy"}, "private": ""}]}]}""").instances().get(0);
    assertNull(legacy.attributes());
    assertNull(legacy.privateBase64(), "an empty private is no private state");
  }

  @Test
  void keys_in_any_order_read_the_same_as_terraforms_order() throws StateFileException {
    String sorted = """
        {"resources": [
          {"instances": [{"attributes": {"expires_at": "x"}, "index_key": 1, "private": "AQID"}],
           "mode": "managed", "module": "module.a", "name": "t", "type": "pyvider_timed_token"},
          {"instances": [{"attributes": {"id": "f"}}], "mode": "managed", "name": "f", "type": "pyvider_file_content"}
         ], "version": 4}""";
    List<ResourceInstance> tokens = StateFile.parse("sorted.tfstate",
        new ByteArrayInputStream(sorted.getBytes(StandardCharsets.UTF_8)), Selection.managed("pyvider_timed_token"))
        .instances();
    assertEquals(1, tokens.size(), "only the selected type is listed: " + tokens);
    assertEquals("module.a.pyvider_timed_token.t[1]", tokens.get(0).address());
    assertEquals("x", tokens.get(0).text("expires_at").orElseThrow());
    assertEquals("AQID", tokens.get(0).privateBase64());
  }

  @Test
  void a_listed_instance_that_is_not_read_keeps_its_address_but_not_its_content() throws StateFileException {
    String state = """
        {"version": 4, "resources": [
          {"mode": "managed", "type": "a", "name": "kept", "instances": [{"attributes": {"id": "1"}, "private": "AQ"}]},
          {"mode": "managed", "type": "b", "name": "listed", "instances": [{"attributes": {"id": "2"}, "private": "AQ"}]}
        ]}""";
    List<ResourceInstance> instances = StateFile.parse("test.tfstate",
        new ByteArrayInputStream(state.getBytes(StandardCharsets.UTF_8)),
        new Selection(resource -> true, resource -> resource.type().equals("a"))).instances();
    assertEquals("1", instances.get(0).text("id").orElseThrow());
    assertEquals("b.listed", instances.get(1).address());
    assertTrue(instances.get(1).hasPrivateState());
    assertNull(instances.get(1).attributes());
    assertNull(instances.get(1).privateBase64());
  }

  @Test
  void missing_resources_mean_an_empty_state() throws StateFileException {
    assertTrue(parse("{\"version\": 4}").instances().isEmpty());
  }

  @Test
  void malformed_parts_are_named_in_one_line() {
    assertEquals("test.tfstate is not a Terraform state file: it holds a JSON array, not an object",
        assertThrows(StateFileException.class, () -> parse("[]")).getMessage());
    assertEquals("test.tfstate is not a Terraform state file: it has no numeric \"version\" field",
        assertThrows(StateFileException.class, () -> parse("{\"version\": \"4\"}")).getMessage());
    assertEquals("test.tfstate: resources[0] is malformed: it has no \"type\" string" + DAMAGED,
        assertThrows(StateFileException.class, () -> parse("""
            {"version": 4, "resources": [{"mode": "managed", "name": "y"}]}""")).getMessage());
    assertEquals("test.tfstate: x.y (resources[0].instances[0]) is malformed: \"index_key\" is a JSON boolean, not "
        + "a number or a string" + DAMAGED, assertThrows(StateFileException.class, () -> parse("""
            {"version": 4, "resources": [{"mode": "managed", "type": "x", "name": "y",
              "instances": [{"index_key": true}]}]}""")).getMessage());
    assertTrue(assertThrows(StateFileException.class, () -> parse("{\"version\": 4} trailing")).getMessage()
        .startsWith("test.tfstate is not JSON"));
  }

  private static final String DAMAGED = "; Terraform never writes that, so the state was edited or damaged: repair "
      + "it or restore a backup";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "\"resources\": null | test.tfstate is malformed: \"resources\" is null, not a list",
      "\"resources\": {} | test.tfstate is malformed: \"resources\" is a JSON object, not a list",
      "\"resources\": [{\"mode\": \"managed\", \"type\": \"t\", \"name\": \"n\", \"instances\": null}]"
          + " | test.tfstate: t.n (resources[0]) is malformed: \"instances\" is null, not a list",
      "\"resources\": [{\"mode\": \"managed\", \"type\": \"t\", \"name\": \"n\"}]"
          + " | test.tfstate: t.n (resources[0]) is malformed: it has no \"instances\" list",
      "\"resources\": [{\"mode\": \"data\", \"type\": \"t\", \"name\": \"n\", \"instances\": {}}]"
          + " | test.tfstate: data.t.n (resources[0]) is malformed: \"instances\" is a JSON object, not a list",
      "\"resources\": [{\"module\": \"module.m\", \"mode\": \"managed\", \"type\": \"t\", \"name\": \"n\", "
          + "\"instances\": [{\"attributes\": null}]}]"
          + " | test.tfstate: module.m.t.n (resources[0].instances[0]) is malformed: \"attributes\" is null, not an "
          + "object",
      "\"resources\": [{\"instances\": [{\"attributes\": [1]}], \"mode\": \"managed\", \"name\": \"n\", "
          + "\"type\": \"t\"}]"
          + " | test.tfstate: t.n (resources[0].instances[0]) is malformed: \"attributes\" is a JSON array, not an "
          + "object",
      "\"resources\": [{\"mode\": \"managed\", \"type\": \"t\", \"name\": \"n\", \"instances\": [3]}]"
          + " | test.tfstate: t.n (resources[0].instances[0]) is malformed: it is a JSON number, not an object",
      "\"resources\": [{\"mode\": \"managed\", \"type\": \"t\", \"name\": \"n\", \"instances\": "
          + "[{\"private\": 1}]}] | test.tfstate: t.n (resources[0].instances[0]) is malformed: \"private\" is a JSON "
          + "number, not a string",
      "\"resources\": [\"t.n\"] | test.tfstate: resources[0] is malformed: it is a JSON string, not an object"})
  void a_wrong_shape_fails_the_whole_read_and_names_the_resource(String resources, String message) {
    assertEquals(message + DAMAGED, assertThrows(StateFileException.class,
        () -> parse("{\"version\": 4, " + resources + "}")).getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"version\": 4,} | is not JSON at line 1, column 15: a '}' where a field name in quotes should be",
      "{\"version\": 4, \"x\": tru} | is not JSON at line 1, column 21: unexpected text 'tru'",
      "{\"version\": 4, \"x\": \"a\u0001b\"} | is not JSON at line 1, column 23: a control character inside a "
          + "string that should have been escaped",
      "{\"version\": 4, \"x\": [1, 2}} | is not JSON at line 1, column 26: a '}' where ']' should close the list",
      "{\"version\": 4} trailing | is not JSON at line 1, column 16: unexpected text 'trailing'"})
  void json_errors_say_what_is_wrong_and_where_in_plain_words(String json, String message) {
    String error = assertThrows(StateFileException.class, () -> parse(json)).getMessage();
    assertEquals("test.tfstate " + message, error);
  }

  @Test
  void bytes_that_are_not_text_say_so() {
    byte[] binary = {(byte) 0xda, (byte) 0xda, (byte) 0xfe, (byte) 0xca, 0, 1, 2, 3};
    String message = assertThrows(StateFileException.class, () -> StateFile.parse("test.tfstate",
        new ByteArrayInputStream(binary), EVERYTHING)).getMessage();
    assertTrue(message.startsWith("test.tfstate is not JSON at line 1, column "), message);
    assertTrue(message.endsWith(": it is not UTF-8 text"), message);
  }

  @Test
  void values_nested_deeper_than_the_cap_are_refused_in_plain_words() {
    int depth = StateFile.MAX_NESTING_DEPTH + 1;
    String outputs = "{\"version\": 4, \"outputs\": ";
    String deep = outputs + "[".repeat(depth) + "]".repeat(depth) + "}";
    int tooDeep = outputs.length() + depth; // the column of the bracket that opens one level too many
    assertEquals("test.tfstate nests values more than " + StateFile.MAX_NESTING_DEPTH + " levels deep (at line 1, "
        + "column " + tooDeep + "), which no Terraform state does: it is damaged or not a state",
        assertThrows(StateFileException.class, () -> parse(deep)).getMessage());
  }

  @Test
  void standard_input_is_named_as_such() throws StateFileException {
    StateFile state =
        StateFile.read("-", new ByteArrayInputStream("{\"version\": 4}".getBytes(StandardCharsets.UTF_8)),
            EVERYTHING);
    assertEquals("standard input", state.name());
  }

  /**
   * Found by StateFileFuzzTest: Jackson's BigDecimal conversion threw NumberFormatException for an exponent beyond an
   * int, which escaped the read (tokens audit said "failed unexpectedly").
   */
  @Test
  void numbers_beyond_any_decimal_are_no_whole_numbers_and_never_break_the_read() throws StateFileException {
    assertEquals("test.tfstate is not a Terraform state file: it has no numeric \"version\" field",
        assertThrows(StateFileException.class, () -> parse("{\"version\": 1e9999999999}")).getMessage());
    String keyed = """
        {"version": 4, "resources": [{"mode": "managed", "type": "x", "name": "y", "instances": [
          {"index_key": 1e-9999999999, "attributes": {}}]}]}""";
    assertEquals("test.tfstate: x.y (resources[0].instances[0]) is malformed: \"index_key\" is not a whole number; "
        + "Terraform never writes that, so the state was edited or damaged: repair it or restore a backup",
        assertThrows(StateFileException.class, () -> parse(keyed)).getMessage());
    ResourceInstance instance = parse("""
        {"version": 4, "resources": [{"mode": "managed", "type": "x", "name": "y", "instances": [
          {"schema_version": 2, "attributes": {"size": 1e9999999999, "id": "i-1"}}]}]}""").instances().get(0);
    assertEquals("i-1", instance.text("id").orElseThrow());
    assertEquals(2, instance.schemaVersion());
  }

  /**
   * An integer of a million digits was converted (quadratically: forty seconds) only to learn it is no long. A hang
   * guard, not a performance figure: the read now takes milliseconds.
   */
  @Test
  void an_integer_too_long_for_a_long_is_told_without_converting_it() {
    String state = "{\"version\": 4, \"resources\": [{\"mode\": \"managed\", \"type\": \"x\", \"name\": \"y\", "
        + "\"instances\": [{\"schema_version\": 1" + "0".repeat(1_000_000) + "}]}]}";
    StateFileException malformed = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(StateFileException.class, () -> parse(state)));
    assertTrue(malformed.getMessage().contains("\"schema_version\" is not a whole number"), malformed.getMessage());
  }
}
