resource "pyvider_timed_token" "webhook" {
  name = "webhook-authentication"
}

data "pyvider_http_api" "status" {
  url     = "https://api.example.com/v1/status"
  retries = 3
  timeout = 10
  headers = {
    "Authorization" = "Bearer ${pyvider_timed_token.webhook.token}"
    "Accept"        = "application/json"
  }
}

data "pyvider_http_api" "register_webhook" {
  url    = "https://api.example.com/webhooks"
  method = "POST"
  headers = {
    "Authorization" = "Bearer ${pyvider_timed_token.webhook.token}"
    "Content-Type"  = "application/json"
  }
  body      = jsonencode({ url = "https://hooks.example.com/in" })
  soft_fail = true
}

output "api_up" {
  value = data.pyvider_http_api.status.status_code >= 200 && data.pyvider_http_api.status.status_code < 300
}

output "registration_error" {
  value = data.pyvider_http_api.register_webhook.error_message
}
