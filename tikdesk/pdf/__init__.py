"""Every PDF TikDesk writes, typeset by Typst (no Qt): the management report, the consent
forms and the month plan.

Each kind is a Typst template in ``resources/pdf/`` fed with its data as JSON
(``sys.inputs``), never spliced into source text, so no title can change the markup.  The
PDFs are tagged PDF/UA-1 (headings, tables with header cells, figures with alternative
text, ``/Lang``, the title shown) and PDF/A-2a, set in the shipped Liberation Sans only, so
every machine writes the same file.  See :mod:`tikdesk.pdf.engine`.
"""
