"""Thin function views of the registry, split by sub-domain."""
