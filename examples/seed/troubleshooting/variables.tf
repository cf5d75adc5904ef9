# This example has no variables.
