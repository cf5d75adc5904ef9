package io.pyvider.adapters.cli.state;

import java.util.function.Predicate;

/**
 * What a read of a state keeps, chosen per resource by its mode, type and name: which instances to list at all, and of
 * those, which to keep the attributes and private state of. Everything else is checked and skipped as it streams past,
 * so memory follows what is kept, not the size of the file.
 *
 * @param lists whether the instances of a resource are kept (address, key, status, whether they have private state)
 * @param reads whether a listed resource's instances keep their attributes and private state too
 */
public record Selection(Predicate<Resource> lists, Predicate<Resource> reads) {

  /** What a selection sees of a resource; Terraform writes these before the resource's instances. */
  public record Resource(String mode, String type, String name) {

    /** Whether this is a managed resource (not a data source). */
    public boolean managed() {
      return "managed".equals(mode);
    }
  }

  /** Every managed instance of one resource type, with its attributes and private state; nothing else. */
  public static Selection managed(String type) {
    Predicate<Resource> ofType = resource -> resource.managed() && resource.type().equals(type);
    return new Selection(ofType, ofType);
  }
}
