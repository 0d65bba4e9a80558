"""What the mock does to the outside world (HTTP, threads), built on the domain and never inside it."""
