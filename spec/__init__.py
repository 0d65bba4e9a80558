"""The contract files of the TurkeySMS API; readers live in turkeysms._contract."""
