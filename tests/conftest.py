"""Shared fixtures: the owner/member/outsider style users most tests need."""
