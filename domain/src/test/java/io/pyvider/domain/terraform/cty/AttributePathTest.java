package io.pyvider.domain.terraform.cty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AttributePathTest {

  @Test
  void the_root_is_empty_and_renders_as_nothing() {
    assertTrue(AttributePath.ROOT.isRoot());
    assertEquals("", AttributePath.ROOT.toString());
  }

  @Test
  void an_attribute_renders_as_its_name() {
    assertEquals("name", AttributePath.attribute("name").toString());
    assertFalse(AttributePath.attribute("name").isRoot());
  }

  @Test
  void a_map_key_renders_as_a_quoted_index() {
    assertEquals("keepers[\"a\"]", AttributePath.attribute("keepers").key("a").toString());
  }

  @Test
  void a_list_index_renders_as_a_number_in_brackets() {
    assertEquals("list[0]", AttributePath.attribute("list").index(0).toString());
    assertEquals("list[12]", AttributePath.attribute("list").index(12).toString());
  }

  @Test
  void nested_attributes_are_joined_with_dots() {
    assertEquals("a.b", AttributePath.attribute("a").then("b").toString());
    assertEquals("a[3].b[\"k\"].c", AttributePath.attribute("a").index(3).then("b").key("k").then("c").toString());
  }

  @Test
  void map_keys_are_escaped_as_json_strings() {
    assertEquals("m[\"say \\\"hi\\\"\"]", AttributePath.attribute("m").key("say \"hi\"").toString());
    assertEquals("m[\"a\\\\b\"]", AttributePath.attribute("m").key("a\\b").toString());
    assertEquals("m[\"line\\nbreak\\ttab\"]", AttributePath.attribute("m").key("line\nbreak\ttab").toString());
    assertEquals("m[\"\\u0001\"]", AttributePath.attribute("m").key("\u0001").toString());
  }

  @Test
  void extending_a_path_leaves_the_original_unchanged() {
    AttributePath keepers = AttributePath.attribute("keepers");

    AttributePath longer = keepers.key("a");

    assertEquals(1, keepers.steps().size());
    assertEquals(2, longer.steps().size());
    assertEquals(List.of(new AttributePath.Step.AttributeName("keepers"), new AttributePath.Step.ElementKeyString("a")),
        longer.steps());
  }

  @Test
  void paths_with_the_same_steps_are_equal() {
    assertEquals(AttributePath.attribute("a").index(1), AttributePath.ROOT.then("a").index(1));
    assertNotEquals(AttributePath.attribute("a").index(1), AttributePath.attribute("a").key("1"));
  }

  @Test
  void steps_need_their_names() {
    assertThrows(NullPointerException.class, () -> AttributePath.attribute(null));
    assertThrows(NullPointerException.class, () -> AttributePath.ROOT.key(null));
  }

  @Test
  void a_path_made_from_steps_equals_the_same_path_made_step_by_step() {
    AttributePath built = AttributePath.ROOT.then("a").index(2).key("k");
    AttributePath listed = new AttributePath(List.of(new AttributePath.Step.AttributeName("a"),
        new AttributePath.Step.ElementKeyInt(2), new AttributePath.Step.ElementKeyString("k")));
    assertEquals(built, listed);
    assertEquals(built.hashCode(), listed.hashCode());
    assertEquals("a[2][\"k\"]", listed.toString());
    assertEquals("a[2][\"k\"].x", listed.then("x").toString());
    assertEquals(AttributePath.ROOT, new AttributePath(List.of()));
    assertTrue(new AttributePath(List.of()).isRoot());
  }

  /**
   * Decoders extend a path for every element they read. A copy of the steps per extension cost as much as the path
   * is deep: a list of nulls 250 levels deep allocated 5.7 KB per input byte (MsgpackDecodeFuzzTest's corpus:
   * slow-list-of-nulls-250-levels-deep).
   */
  @Test
  void extending_a_deep_path_costs_no_more_than_extending_a_short_one() {
    AttributePath deep = AttributePath.ROOT;
    for (int level = 0; level < 250; level++) {
      deep = deep.index(0);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int element = 0; element < 10_000; element++) {
      deep.index(element);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 2L << 20, "10,000 extensions allocated " + allocated + " bytes");
    assertEquals(251, deep.index(7).steps().size());
  }
}
