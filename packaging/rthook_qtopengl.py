"""PyInstaller runtime hook: PySide6.QtOpenGL is left out of the bundle (packaging/slim.py).

pyqtgraph's PlotCurveItem imports the module when it is imported, but uses its classes only
when curves are drawn with OpenGL, which TikDesk never switches on.  This stand-in makes the
import succeed and names the reason if a class is ever asked for.
"""

import sys
import types


class _NotBundled(types.ModuleType):
    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(
            f"PySide6.QtOpenGL.{name}: QtOpenGL is not part of the TikDesk bundle "
            "(charts draw without OpenGL; see packaging/slim.py)"
        )


sys.modules.setdefault("PySide6.QtOpenGL", _NotBundled("PySide6.QtOpenGL"))
