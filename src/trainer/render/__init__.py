"""The one layout engine: guides laid out and painted with QPainter (QtGui only, never QtWidgets).

Every output (infographic, clip frames, handout pages, presenter slides, the editor's preview) is
painted by these modules, so what the editor sees is what the village gets. Call
`trainer.render.gui.ensure_gui()` once before painting: it starts Qt headless if needed and
registers the bundled fonts.
"""
