"""The PySide6 reader window. Start at :func:`reader.ui.app.make_window` / ``run_app``.

Nothing here runs at import time beyond imports; Qt objects are made by the functions.
"""
