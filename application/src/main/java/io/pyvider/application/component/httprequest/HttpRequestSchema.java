package io.pyvider.application.component.httprequest;

import io.pyvider.application.component.HttpRequestRules;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import io.pyvider.domain.token.TokenDuration;
import java.util.List;

/**
 * The schema of the {@code pyvider_http_request} action. An action has configuration only (nothing is stored), so
 * every attribute is required or optional, none computed: defaults are applied when the request is sent.
 */
final class HttpRequestSchema {

  static final String TYPE_NAME = "pyvider_http_request";

  // Named as HttpRequestRules.checkRequest reads them.
  static final String URL = HttpRequestRules.URL;
  static final String METHOD = HttpRequestRules.METHOD;
  static final String HEADERS = HttpRequestRules.HEADERS;
  static final String BODY = "body";
  static final String TIMEOUT = "timeout";

  static final String DEFAULT_METHOD = "POST";
  static final TokenDuration DEFAULT_TIMEOUT = TokenDuration.parse("30s");
  /** Long enough for a slow webhook, short enough that a hung server cannot stall an apply for long. */
  static final TokenDuration MAX_TIMEOUT = TokenDuration.parse("5m");

  private HttpRequestSchema() {
  }

  static final Schema SCHEMA = new Schema(0, Block.of(
      "Sends one HTTP request when the action is invoked (`terraform apply -invoke`, or an `action_trigger` in a "
          + "resource's lifecycle): a webhook, a deployment notification, a cache purge. Planning never sends "
          + "anything. The request is sent exactly once, without retries. A 2xx response succeeds; any other "
          + "status, or no response at all (connection refused, unknown host, timeout, TLS failure), fails the "
          + "action with an error naming the status or the reason. Header values and the body never appear in "
          + "progress messages, diagnostics or the provider's log.",
      List.of(
          Attribute.builder(URL, CtyType.STRING).required()
              .description("The URL to send the request to: `http://` or `https://` (the scheme in any case). TLS "
                  + "certificates and host names are verified. Redirects are followed, up to 5 and never from "
                  + "`https://` to `http://`. An `http://` URL to a host other than the loopback gives a warning: "
                  + "the request travels unencrypted.").build(),
          Attribute.builder(METHOD, CtyType.STRING).optional()
              .description("The HTTP method: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD` or `OPTIONS`, in any "
                  + "case. Defaults to `" + DEFAULT_METHOD + "`.").build(),
          Attribute.builder(HEADERS, CtyType.mapOf(CtyType.STRING)).optional().sensitive()
              .description("Request headers. Sensitive, because they usually carry credentials "
                  + "(`Authorization`); the provider never shows or logs their values. `Connection`, "
                  + "`Content-Length`, `Expect`, `Host` and `Upgrade` are managed by the HTTP client and cannot be "
                  + "set.").build(),
          Attribute.builder(BODY, CtyType.STRING).optional()
              .description("The request body, sent as UTF-8. Set a `Content-Type` header to match it. Without "
                  + "it the request has no body.").build(),
          Attribute.builder(TIMEOUT, CtyType.STRING).optional()
              .description("How long the whole request (connecting, sending, receiving the response) may take, as "
                  + "a duration such as `\"10s\"`, `\"1m30s\"` or `\"2m\"`: from `\"1s\"` to `\"" + MAX_TIMEOUT
                  + "\"`. Defaults to `\"" + DEFAULT_TIMEOUT + "\"`.").build())));
}
