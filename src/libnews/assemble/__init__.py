"""Assemblers: candidates → the contract models."""
