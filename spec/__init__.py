"""The contract files of the TurkeySMS API, their reader (documents) and their compiled catalogues (catalogue)."""
