"""Contract tests: the spec, the mock server and the client held against each other."""
