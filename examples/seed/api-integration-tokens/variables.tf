variable "output_dir" {
  description = "Directory the example writes its files to (the documentation wrote to /tmp and other absolute paths). A relative path is resolved against the directory Terraform runs in."
  type        = string
  default     = "./out"
}

variable "api_base_url" {
  description = "Base URL the example's HTTP requests go to (the documentation used api.example.com and other hosts that do not answer). The default is an echo service that answers every method and path with 200."
  type        = string
  default     = "https://httpbin.org/anything"
}

variable "generated_at" {
  description = "The timestamp written where the documentation called timestamp(). timestamp() is unknown during every plan and changes at every apply, so the files would be rewritten on every run; pass -var generated_at=$(date -u +%Y-%m-%dT%H:%M:%SZ) to record the time of a run."
  type        = string
  default     = "2024-01-15T14:30:00Z"
}
