"""Rendering reports: pure functions from the model to text and other formats."""

from .text import render, render_parts

__all__ = ["render", "render_parts"]
