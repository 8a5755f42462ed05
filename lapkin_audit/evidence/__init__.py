"""Evidence: what the attachments themselves say, read into facts before the checks run.

Every attachment the file system found intact (``load.attachments``: status ``ok``) is
read once per distinct content (its SHA-256): its real format from its bytes, its page
count and its text as printed, each piece remembering whether it came from a text layer
or from OCR (and OCR's confidence), and a PDF's electronic signatures.

- ``read``: the ``Reader`` (limits, OCR model, trust, cache, memo) and a thin module API;
  it runs the child and keeps what is safe to keep.
- ``child``: the child process that parses, under ``limits`` and the per-document budget
  of ``job``; ``process`` makes sure it and its OCR workers (``ocr``) end with the reader.
- ``warm`` and ``server``: the reader's warm process, with the libraries loaded, that forks
  each child (where it cannot be used, the child is a fresh interpreter).
- ``readers``: one module per format (how it is sniffed, read, what it depends on).
- ``codec``: the child's wire format and the facts' JSON form; ``cache``: facts by content.
"""
