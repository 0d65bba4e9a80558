"""The HTTP layer: parse, authenticate, validate, call the domain, write one envelope."""
