variable "token_lifetime" {
  type    = string
  default = "8h"
}

resource "pyvider_timed_token" "ci" {
  name     = "ci"
  lifetime = var.token_lifetime
}

# 28800: the lifetime in seconds, for a consumer that wants a cache TTL rather than a duration.
output "token_ttl_seconds" {
  value = provider::pyvider::parse_duration(var.token_lifetime)
}

# 5400
output "ninety_minutes" {
  value = provider::pyvider::parse_duration("1h30m")
}
