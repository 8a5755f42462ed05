"""Tables read from documents, as pure functions the readers call inside the limited child
(``evidence.child``): ``pdf`` (the text layer, pdfplumber), ``docx`` (python-docx),
``xlsx`` (openpyxl, cell values) and ``ocr`` (Tesseract's word boxes). Each returns
``lapkin_audit.domain.content.model.Table`` objects, bounded in rows and characters.
"""
