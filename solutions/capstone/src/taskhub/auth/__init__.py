"""Authentication: password login, access tokens and rotating refresh tokens."""
