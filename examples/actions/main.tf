# Announce every newly issued token to a webhook, once, after Terraform has created it: an action triggered from the
# token's lifecycle. A data source cannot do this right: it is read in every plan and refresh (so the request is sent
# again and again, before anything was applied), and it has no token to announce until the token exists.
terraform {
  required_version = ">= 1.14" # actions and action_trigger
  required_providers {
    pyvider = {
      source = "provide-io/pyvider"
    }
  }
}

provider "pyvider" {}

variable "webhook_url" {
  description = "The endpoint told about each new token: an http(s) URL that accepts a JSON POST."
  type        = string
}

variable "webhook_secret" {
  description = "The shared secret the receiver checks, sent as a bearer token."
  type        = string
  sensitive   = true
}

resource "pyvider_timed_token" "deploy" {
  name          = "deploy"
  lifetime      = "1h"
  rotate_before = "10m"

  lifecycle {
    # The new token exists before the old one is dropped, so the receiver never hears of a gap.
    create_before_destroy = true

    # after_create fires when the token is first created and whenever it is replaced (rotation, a new lifetime or
    # new keepers): each newly issued token. after_update fires on an in-place update (a new name or rotate_before),
    # which keeps the token, so the receiver hears of the new name.
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.pyvider_http_request.notify]
    }
  }
}

action "pyvider_http_request" "notify" {
  config {
    url    = var.webhook_url
    method = "POST"
    headers = {
      # A sensitive value stays masked in plan output, and the provider never puts header values in diagnostics.
      "Authorization" = "Bearer ${var.webhook_secret}"
      "Content-Type"  = "application/json"
    }
    # What a receiver needs to know about the token, not the token itself: that stays in the state it was issued to.
    body = jsonencode({
      event      = "token.issued"
      name       = pyvider_timed_token.deploy.name
      token_id   = pyvider_timed_token.deploy.id
      expires_at = pyvider_timed_token.deploy.expires_at
    })
    timeout = "10s"
  }
}

output "token_id" {
  value = pyvider_timed_token.deploy.id
}
