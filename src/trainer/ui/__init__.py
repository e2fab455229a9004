"""The desktop authoring app (QtWidgets): library, editor, live preview, export, print."""
