package io.pyvider.bootstrap.e2e;

import io.pyvider.domain.terraform.cty.CtyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/** Hand-made msgpack documents for bad-input tests: whatever Terraform would never send. */
final class RawMsgpack {

  /** Writes part of a document. */
  interface Writer {
    void write(MessagePacker packer) throws IOException;
  }

  private RawMsgpack() {
  }

  static byte[] map(Writer writer) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      writer.write(packer);
      packer.flush();
      return packer.toByteArray();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  /** An object with every attribute of {@code type} null, except {@code attribute}, written by {@code value}. */
  static byte[] objectWith(CtyType.ObjectOf type, String attribute, Writer value) {
    return map(packer -> {
      packer.packMapHeader(type.attributes().size());
      for (String name : type.attributes().keySet()) {
        packer.packString(name);
        if (name.equals(attribute)) {
          value.write(packer);
        } else {
          packer.packNil();
        }
      }
    });
  }
}
