terraform {
  required_providers {
    pyvider = {
      source = "provide-io/pyvider"
    }
  }
}

# No configuration is required.
provider "pyvider" {}
