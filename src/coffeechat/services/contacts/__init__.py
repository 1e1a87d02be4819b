"""The target list: contacts, organizations, career paths, search, merging, the network."""
