"""The mock's behaviour: accounts, keys, messages, groups, blacklist, reports; no Flask, no SQL."""
