resource "pyvider_timed_token" "api" {
  name          = "api"
  lifetime      = "1h"
  rotate_before = "10m"
}

# A check block's failed assertion is a warning, never an error: the plan goes on and says the token is expiring.
check "api_token_expiry" {
  assert {
    condition     = !provider::pyvider::rotation_due(pyvider_timed_token.api.expires_at, plantimestamp(), "30m")
    error_message = "pyvider_timed_token.api expires at ${pyvider_timed_token.api.expires_at}, less than 30m from now."
  }
}

# true: 14:55 is inside the 10 minutes before 15:00.
output "rotation_due_example" {
  value = provider::pyvider::rotation_due("2026-01-15T15:00:00.000000+00:00", "2026-01-15T14:55:00Z", "10m")
}
