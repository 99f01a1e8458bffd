"""Accounts: registration, profile, roles and administration."""
