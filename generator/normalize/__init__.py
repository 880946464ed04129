"""Normalisation: small pure functions that turn source strings into canonical facts."""
