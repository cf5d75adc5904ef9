package io.pyvider.application.component.filecontent;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;

/** The schema of {@code pyvider_file_content}, version 1: the shape the Python provider wrote, now documented. */
final class FileContentSchema {

  static final String TYPE_NAME = "pyvider_file_content";
  static final long VERSION = 1;

  static final String FILENAME = "filename";
  static final String CONTENT = "content";
  static final String EXISTS = "exists";
  static final String CONTENT_HASH = "content_hash";
  static final String CONTENT_WO = "content_wo";
  static final String CONTENT_WO_VERSION = "content_wo_version";

  private FileContentSchema() {
  }

  static final Schema SCHEMA = new Schema(VERSION, Block.of(
      "A local file with exactly the given content. The file is written atomically (a temporary file in the same "
          + "directory, flushed to disk, then renamed over the target), missing parent directories are created, "
          + "and a file that is changed, replaced or deleted outside Terraform shows up as drift on the next plan.",
      List.of(
          Attribute.builder(FILENAME, CtyType.STRING).required()
              .description("Path of the file. A relative path is resolved against the directory Terraform runs "
                  + "in; `~` is not expanded. An existing file keeps its permissions; a new file gets the "
                  + "default permissions (0666 less the umask, usually 0644). Changing `filename` replaces the "
                  + "resource: the old file is deleted and the new one written (with `create_before_destroy`, "
                  + "the new one first). A new name that resolves to the same file (`./a.txt` for `a.txt`) is an "
                  + "in-place update instead.").build(),
          Attribute.builder(CONTENT, CtyType.STRING).optional()
              .description("The file's content, written as UTF-8 bytes exactly as given (no newline is added or "
                  + "translated). When the file on disk differs, the next plan shows the change and the apply "
                  + "writes this content back. A file that is not valid UTF-8 reads back with U+FFFD replacement "
                  + "characters (and a different `content_hash`), so it is rewritten too. Stored in the state in "
                  + "plain text: for a secret use `content_wo`. Exactly one of `content` and `content_wo` must be "
                  + "set.").build(),
          Attribute.builder(CONTENT_WO, CtyType.STRING).optional().writeOnly().sensitive()
              .description("Write-only content (Terraform 1.11 and later): written to the file like `content`, but "
                  + "never stored in the state or plan, and neither is anything derived from it (`content` and "
                  + "`content_hash` stay null). Terraform cannot see a change of a write-only value, so the file "
                  + "is rewritten only when `content_wo_version` changes; edits made to the file outside Terraform "
                  + "are not detected either (a deleted file is). Typically an ephemeral value, such as the "
                  + "ephemeral `pyvider_timed_token`'s `token`.").build(),
          Attribute.builder(CONTENT_WO_VERSION, CtyType.NUMBER).optional()
              .description("Any number; change it to write the current `content_wo` to the file. Only with "
                  + "`content_wo`.").build(),
          Attribute.builder(EXISTS, CtyType.BOOL).computed()
              .description("Always `true` while the resource is in the state: when the file disappears (or is "
                  + "no longer a regular file) the resource is removed from the state on refresh and the next "
                  + "plan creates the file again.").build(),
          Attribute.builder(CONTENT_HASH, CtyType.STRING).computed()
              .description("SHA-256 of the file's bytes as lowercase hex (64 characters). Planned from "
                  + "`content` (its UTF-8 encoding) as soon as `content` is known. Null for a file written from "
                  + "`content_wo`: a hash of a secret would let anyone holding the state test guesses of it.")
              .build())));
}
