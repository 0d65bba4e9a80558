"""SQLite persistence: connections, schema and the queries the domain runs; returns domain records."""
