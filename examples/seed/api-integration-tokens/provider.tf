# The provider this example uses. Terraform finds it through a dev override or a filesystem mirror:
# see ../README.md ("Running the examples").
terraform {
  required_providers {
    pyvider = {
      source = "provide-io/pyvider"
    }
  }
}
