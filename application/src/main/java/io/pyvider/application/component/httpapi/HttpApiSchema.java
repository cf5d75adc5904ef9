package io.pyvider.application.component.httpapi;

import io.pyvider.application.component.HttpRequestRules;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;

/** The schema of the {@code pyvider_http_api} data source. */
final class HttpApiSchema {

  static final String TYPE_NAME = "pyvider_http_api";
  static final long VERSION = 1;

  // Named as HttpRequestRules.checkRequest reads them.
  static final String URL = HttpRequestRules.URL;
  static final String METHOD = HttpRequestRules.METHOD;
  static final String HEADERS = HttpRequestRules.HEADERS;
  static final String BODY = "body";
  static final String TIMEOUT = "timeout";
  static final String RETRIES = "retries";
  static final String RETRY_NON_IDEMPOTENT = "retry_non_idempotent";
  static final String SOFT_FAIL = "soft_fail";
  static final String STATUS_CODE = "status_code";
  static final String RESPONSE_BODY = "response_body";
  static final String RESPONSE_HEADERS = "response_headers";
  static final String CONTENT_TYPE = "content_type";
  static final String RESPONSE_TIME_MS = "response_time_ms";
  static final String HEADER_COUNT = "header_count";
  static final String ERROR_MESSAGE = "error_message";

  static final String DEFAULT_METHOD = "GET";
  static final long DEFAULT_TIMEOUT_SECONDS = 30;
  static final long MAX_TIMEOUT_SECONDS = 300;
  static final long MAX_RETRIES = 10;

  private HttpApiSchema() {
  }

  private static final CtyType STRING_MAP = CtyType.mapOf(CtyType.STRING);

  static final Schema SCHEMA = new Schema(VERSION, Block.of(
      "Sends one HTTP request and exposes the response. Terraform reads data sources during every plan and "
          + "refresh (or during apply when the configuration is not known yet), so the request is sent each time: "
          + "use it for requests that are safe to repeat. Any HTTP status, 4xx and 5xx included, is a result; a "
          + "request that gets no response at all (connection refused, unknown host, timeout, TLS failure) is an "
          + "error unless `soft_fail = true`.",
      List.of(
          Attribute.builder(URL, CtyType.STRING).required()
              .description("The URL to request: `http://` or `https://` (the scheme in any case). TLS "
                  + "certificates and host names are verified. Redirects are followed, up to 5 and never from "
                  + "`https://` to `http://`; past that the last redirect response is the result. An `http://` "
                  + "URL to a host other than the loopback gives a warning: the request and response travel "
                  + "unencrypted.").build(),
          Attribute.builder(METHOD, CtyType.STRING).optional().computed()
              .description("The HTTP method: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD` or `OPTIONS`, in any "
                  + "case. Defaults to `GET`.").build(),
          Attribute.builder(HEADERS, STRING_MAP).optional().sensitive()
              .description("Request headers. Sensitive, because they usually carry credentials "
                  + "(`Authorization`); the provider never logs them. `Connection`, `Content-Length`, `Expect`, "
                  + "`Host` and `Upgrade` are managed by the HTTP client and cannot be set.").build(),
          Attribute.builder(BODY, CtyType.STRING).optional()
              .description("The request body, sent as UTF-8. Set a `Content-Type` header to match it.").build(),
          Attribute.builder(TIMEOUT, CtyType.NUMBER).optional().computed()
              .description("Seconds the whole request (connecting, sending, receiving the body) may take, per "
                  + "attempt: more than 0, at most 300. Defaults to 30.").build(),
          Attribute.builder(RETRIES, CtyType.NUMBER).optional().computed()
              .description("How many times to retry after a connection failure, timeout or a 502, 503 or 504 "
                  + "response, waiting 1, 2, 4, ... seconds (at most 30) in between. A whole number from 0 to "
                  + "10; defaults to 0. Only idempotent methods (`GET`, `HEAD`, `OPTIONS`, `PUT`, `DELETE`) are "
                  + "retried unless `retry_non_idempotent = true`.").build(),
          Attribute.builder(RETRY_NON_IDEMPOTENT, CtyType.BOOL).optional().computed()
              .description("Also retry `POST` and `PATCH` requests, which may then take effect more than once. "
                  + "Defaults to `false`.").build(),
          Attribute.builder(SOFT_FAIL, CtyType.BOOL).optional().computed()
              .description("When the request gets no response, put the reason in `error_message` (with "
                  + "`status_code` and the other response attributes null, `response_headers` empty and "
                  + "`header_count` 0) instead of failing the plan. Defaults to `false`.").build(),
          Attribute.builder(STATUS_CODE, CtyType.NUMBER).computed()
              .description("The HTTP status code of the (last) response.").build(),
          Attribute.builder(RESPONSE_BODY, CtyType.STRING).computed()
              .description("The response body decoded as UTF-8; bytes that are not valid UTF-8 become U+FFFD "
                  + "replacement characters (with a warning). Bodies larger than 16 MiB are refused.").build(),
          Attribute.builder(RESPONSE_HEADERS, STRING_MAP).computed()
              .description("The response headers by lower-case name; repeated headers are joined with "
                  + "`\", \"`.").build(),
          Attribute.builder(CONTENT_TYPE, CtyType.STRING).computed()
              .description("The `Content-Type` response header, or null when there is none.").build(),
          Attribute.builder(RESPONSE_TIME_MS, CtyType.NUMBER).computed()
              .description("Milliseconds from sending the request to receiving the whole response body (the last "
                  + "attempt).").build(),
          Attribute.builder(HEADER_COUNT, CtyType.NUMBER).computed()
              .description("The number of entries in `response_headers`.").build(),
          Attribute.builder(ERROR_MESSAGE, CtyType.STRING).computed()
              .description("Why the request got no response, when `soft_fail = true`; null otherwise.").build())));
}
