resource "pyvider_timed_token" "api" {
  name = "api-integration"

  lifecycle {
    # after_create also fires when the token is replaced, so every newly issued token is announced once.
    action_trigger {
      events  = [after_create]
      actions = [action.pyvider_http_request.announce]
    }
  }
}

# Runs at apply, after the token exists; on demand: terraform apply -invoke=action.pyvider_http_request.announce
action "pyvider_http_request" "announce" {
  config {
    url    = "https://hooks.example.com/tokens"
    method = "POST" # the default
    headers = {
      "Content-Type" = "application/json"
    }
    body = jsonencode({
      token_id   = pyvider_timed_token.api.id
      expires_at = pyvider_timed_token.api.expires_at
    })
    timeout = "10s"
  }
}
