package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which values the encoders accept for a declared type, as cty's conversion-free encoding does: equal types, and
 * dynamic anywhere inside either; any other difference, at any depth, is refused before a byte is written.
 */
class ConformanceTest {

  private static final CtyType S = CtyType.STRING;
  private static final CtyType N = CtyType.NUMBER;
  private static final CtyType D = CtyType.DYNAMIC;

  @Test
  void collectionsConformWhenTheirElementsDo() {
    assertTrue(Conformance.conforms(CtyType.listOf(D), CtyType.listOf(S)));
    assertTrue(Conformance.conforms(CtyType.setOf(S), CtyType.setOf(D)));
    assertTrue(Conformance.conforms(CtyType.mapOf(D), CtyType.mapOf(N)));
    assertFalse(Conformance.conforms(CtyType.listOf(S), CtyType.listOf(N)));
    assertFalse(Conformance.conforms(CtyType.setOf(S), CtyType.setOf(N)));
    assertFalse(Conformance.conforms(CtyType.mapOf(S), CtyType.mapOf(N)));
    assertFalse(Conformance.conforms(CtyType.listOf(S), CtyType.setOf(S)), "a list is no set");
    assertFalse(Conformance.conforms(CtyType.mapOf(S), CtyType.ObjectOf.of("a", S)), "a map is no object");
  }

  @Test
  void tuplesConformElementByElement() {
    CtyType pair = new CtyType.TupleOf(List.of(S, N));
    assertTrue(Conformance.conforms(new CtyType.TupleOf(List.of(D, N)), pair));
    assertTrue(Conformance.conforms(new CtyType.TupleOf(List.of(S, D)), pair));
    assertFalse(Conformance.conforms(new CtyType.TupleOf(List.of(S)), pair));
    assertFalse(Conformance.conforms(new CtyType.TupleOf(List.of(S, S)), pair));
    assertFalse(Conformance.conforms(new CtyType.TupleOf(List.of(N, N)), pair));
  }

  @Test
  void objectsConformWithTheSameAttributesEachConforming() {
    CtyType object = CtyType.ObjectOf.of("a", S, "b", N);
    assertTrue(Conformance.conforms(CtyType.ObjectOf.of("a", D, "b", N), object));
    assertTrue(Conformance.conforms(CtyType.ObjectOf.of("a", S, "b", D), object));
    assertFalse(Conformance.conforms(CtyType.ObjectOf.of("a", S, "c", N), object));
    assertFalse(Conformance.conforms(CtyType.ObjectOf.of("a", S, "b", S), object));
    assertFalse(Conformance.conforms(CtyType.ObjectOf.of("a", N, "b", N), object));
  }

  @Test
  void aNullOfAnotherTypeIsRefusedNamingBothTypesAndWhere() {
    assertEquals("a value of type [\"list\",\"string\"] cannot be encoded as [\"list\",\"number\"] at a",
        assertThrows(IllegalArgumentException.class, () -> MsgpackValueCodec.encode(
            Value.ObjectVal.of(Map.of("a", Value.nullOf(CtyType.listOf(S)))),
            CtyType.ObjectOf.of("a", CtyType.listOf(N)))).getMessage());
    assertEquals("a value of type \"string\" cannot be encoded as \"number\"", assertThrows(
        IllegalArgumentException.class, () -> MsgpackValueCodec.encode(Value.nullOf(S), N)).getMessage());
  }
}
