"""TurkeySMS v4 for Python: typed client, errors, retries, bulk streaming, segments, webhooks."""
