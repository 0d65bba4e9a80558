"""Persistence on SQLite or PostgreSQL: connections, schema and the queries the domain runs; returns domain records."""
