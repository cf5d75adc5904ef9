package io.pyvider.application.port.out;

import io.pyvider.domain.token.TokenId;
import io.pyvider.domain.token.TokenSecret;
import java.util.UUID;

/** Random identifiers and secrets: version-4 UUIDs from a cryptographically strong generator. */
public interface IdGenerator {

  UUID newRandomUuid();

  default TokenId newTokenId() {
    return TokenId.of(newRandomUuid());
  }

  default TokenSecret newTokenSecret() {
    return TokenSecret.of(newRandomUuid());
  }
}
