provider "pyvider" {
  pyvider_testmode = true
}

resource "pyvider_private_state_verifier" "check" {
  input_value = "test-verification"
}

output "round_trip_ok" {
  value = pyvider_private_state_verifier.check.decrypted_token == "SECRET_FOR_TEST-VERIFICATION"
}
