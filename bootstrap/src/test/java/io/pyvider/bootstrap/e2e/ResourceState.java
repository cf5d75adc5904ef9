package io.pyvider.bootstrap.e2e;

import io.pyvider.domain.terraform.cty.Value;
import java.util.Arrays;
import java.util.HexFormat;

/** One resource instance object as Terraform's state holds it: the value and the opaque private bytes. */
record ResourceState(String typeName, Value value, byte[] privateBytes) {

  ResourceState {
    privateBytes = privateBytes == null ? new byte[0] : privateBytes.clone();
  }

  @Override
  public byte[] privateBytes() {
    return privateBytes.clone();
  }

  Value.ObjectVal object() {
    if (!(value instanceof Value.ObjectVal object)) {
      throw new AssertionError(typeName + ": expected an object in state, found " + value);
    }
    return object;
  }

  boolean isNull() {
    return value.isNull();
  }

  /** A known string attribute. */
  String string(String attribute) {
    Value v = object().get(attribute);
    if (!(v instanceof Value.Str s)) {
      throw new AssertionError(typeName + "." + attribute + " is not a known string: " + v);
    }
    return s.value();
  }

  Value get(String attribute) {
    return object().get(attribute);
  }

  ResourceState with(String attribute, Value v) {
    return new ResourceState(typeName, object().with(attribute, v), privateBytes);
  }

  ResourceState withPrivate(byte[] bytes) {
    return new ResourceState(typeName, value, bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResourceState s && s.typeName.equals(typeName) && s.value.equals(value)
        && Arrays.equals(s.privateBytes, privateBytes);
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + Arrays.hashCode(privateBytes);
  }

  @Override
  public String toString() {
    // Never print secrets or private bytes in a failure message: only their shape.
    return "ResourceState[" + typeName + ", attributes=" + (value instanceof Value.ObjectVal o
        ? o.attributes().keySet() : value) + ", private=" + privateBytes.length + " bytes"
        + (privateBytes.length > 0 ? " starting 0x" + HexFormat.of().toHexDigits(privateBytes[0]) : "") + "]";
  }
}
