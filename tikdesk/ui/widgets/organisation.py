"""The organisation's name and its logo for reports, as two rows of a form.

The first start and the preferences ask the same two things; each dialog keeps its own
row labels (their Alt-keys are chosen per dialog).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


class OrganisationRows(QObject):
    """Adds „Organisation“ and „Logo for reports“ (a path with a Browse… button) to ``form``."""

    def __init__(
        self,
        parent: QWidget,
        form: QFormLayout,
        labels: tuple[str, str, str],
        name: str,
        logo_path: str,
    ) -> None:
        """``labels``: the organisation row's, the logo row's and the browse button's text."""
        super().__init__(parent)
        self._parent = parent
        name_label, logo_label, browse_text = labels
        self.name = QLineEdit(name)
        self.name.setAccessibleName(self.tr("Organisation"))
        form.addRow(name_label, self.name)
        self.logo = QLineEdit(logo_path)
        self.logo.setAccessibleName(self.tr("Logo file"))
        self.browse = QPushButton(browse_text)
        self.browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.logo)
        row.addWidget(self.browse)
        label = QLabel(logo_label)
        label.setBuddy(self.logo)  # a row of a layout has no buddy of its own
        form.addRow(label, row)

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.name, self.logo, self.browse):
            widget.setEnabled(enabled)

    @Slot()
    def _on_browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.logo.setText(name)
