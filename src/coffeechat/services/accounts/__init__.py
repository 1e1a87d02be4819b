"""Accounts: the personal user, sign-in links, passwords and API tokens."""
