"""A stateful local mock of the TurkeySMS v4 API."""
