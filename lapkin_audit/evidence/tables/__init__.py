"""Tables read from documents, as functions the readers call inside the limited child
(``evidence.readers``), only for a document whose tables are wanted: ``pdf`` (the text
layer, pdfplumber), ``docx`` (python-docx) and ``ocr`` (Tesseract's word boxes); a
spreadsheet's sheets are its reader's own (``readers.xlsx``). Each gives
``lapkin_audit.domain.content.model.Table`` objects, bounded in rows and characters
(``bounds``).
"""
