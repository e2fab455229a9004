"""Trainer: write a step-by-step guide once, publish it as infographic, clip, handout, slides and web page."""

__version__ = "0.1.0"
