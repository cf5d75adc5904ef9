# Warn in every plan when a token is about to expire, with the provider's functions in a check block.
terraform {
  required_version = ">= 1.8" # provider functions
  required_providers {
    pyvider = {
      source = "provide-io/pyvider"
    }
  }
}

provider "pyvider" {}

variable "warn_before" {
  description = "How long before a token expires the plan starts warning (a duration such as 30m or 2h)."
  type        = string
  default     = "30m"
}

resource "pyvider_timed_token" "api" {
  name          = "api"
  lifetime      = "1h"
  rotate_before = "10m" # a refresh inside this window makes the next plan re-issue the token
}

# A failed assertion in a check block is a warning: the plan and apply go on, and say why. plantimestamp() is the
# time of the plan (the same during its apply), so the result is stable; timestamp() would be unknown during the plan.
check "api_token_expiry" {
  assert {
    condition = !provider::pyvider::rotation_due(pyvider_timed_token.api.expires_at, plantimestamp(), var.warn_before)
    error_message = join(" ", [
      "pyvider_timed_token.api expires at ${pyvider_timed_token.api.expires_at}, less than ${var.warn_before} from now.",
      "It is re-issued once less than ${pyvider_timed_token.api.rotate_before} remains; to re-issue it now, run",
      "terraform apply -replace=pyvider_timed_token.api.",
    ])
  }
}

output "warning_window_seconds" {
  value = provider::pyvider::parse_duration(var.warn_before)
}

# When the token would expire if it were re-issued by this plan: its lifetime from the plan's time.
output "expires_at_if_reissued_now" {
  value = provider::pyvider::expiry(plantimestamp(), pyvider_timed_token.api.lifetime)
}
