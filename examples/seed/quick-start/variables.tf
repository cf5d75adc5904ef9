variable "output_dir" {
  description = "Directory the example writes its files to (the documentation wrote to /tmp and other absolute paths). A relative path is resolved against the directory Terraform runs in."
  type        = string
  default     = "./out"
}
