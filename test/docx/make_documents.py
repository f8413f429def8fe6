#!/usr/bin/python3
"""Builds the Word documents the LibreOffice suite reviews, with python-docx (Debian's python3-docx).

Usage: make_documents.py OUT_DIR

advert.docx has what real documents have: a title and headings, a bulleted list, a table, a header and a footer,
an image, a phrase split across runs by formatting, a word split mid-word across runs, a comment left by a
manager, and a change tracked by an editor. python-docx has no API for comments or tracked changes, so those are
added as WordprocessingML with its oxml helpers.
"""
import struct
import sys
import zlib
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches

W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def png(width: int, height: int) -> bytes:
    """A small solid PNG, so the document carries an image without a file on disk."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b''.join(b'\x00' + b'\x2a\x6f\xb0' * width for _ in range(height))
    header = struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')


def runs(paragraph, *parts):
    """Adds runs; a part starting with '*' is bold, with '_' italic."""
    for text in parts:
        run = paragraph.add_run(text.lstrip('*_'))
        run.bold = text.startswith('*')
        run.italic = text.startswith('_')


def add_comment(document, paragraph, text: str, author: str) -> None:
    """A comment by `author` on the whole of `paragraph`, in a new comments part."""
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W_NS}">'
        f'<w:comment w:id="0" w:author="{author}" w:date="2024-03-01T09:00:00Z" w:initials="JM">'
        f'<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>{text}</w:t></w:r></w:p></w:comment></w:comments>'
    )
    part = Part(PackURI('/word/comments.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
                xml.encode('utf-8'), document.part.package)
    document.part.relate_to(part, RT.COMMENTS)
    p = paragraph._p
    start = OxmlElement('w:commentRangeStart')
    start.set(qn('w:id'), '0')
    end = OxmlElement('w:commentRangeEnd')
    end.set(qn('w:id'), '0')
    ref_run = OxmlElement('w:r')
    ref = OxmlElement('w:commentReference')
    ref.set(qn('w:id'), '0')
    ref_run.append(ref)
    first_run = p.find(qn('w:r'))
    first_run.addprevious(start)
    p.append(end)
    p.append(ref_run)


def tracked(paragraph, kind: str, text: str, change_id: int) -> None:
    """Appends a tracked insertion ('ins') or deletion ('del') by an editor to `paragraph`."""
    wrapper = OxmlElement(f'w:{kind}')
    wrapper.set(qn('w:id'), str(change_id))
    wrapper.set(qn('w:author'), 'Editor')
    wrapper.set(qn('w:date'), '2024-03-02T10:00:00Z')
    run = OxmlElement('w:r')
    t = OxmlElement('w:delText' if kind == 'del' else 'w:t')
    t.set('{http://www.w3.org/XML/1998/namespace}space', 'preserve')
    t.text = text
    run.append(t)
    wrapper.append(run)
    paragraph._p.append(wrapper)


def advert(path: Path, image: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = 'Northshire Community Health Trust'
    section.footer.paragraphs[0].text = 'Equal opportunities employer'
    document.add_heading('Healthcare Support Worker: job advert', level=0)
    document.add_picture(str(image), width=Inches(1.0))
    document.add_heading('About the role', level=1)
    intro = document.add_paragraph()
    runs(intro, 'We are looking for a recent grad', '*uate', ' to join our friendly ward team.')
    add_comment(document, intro, 'Check this with HR first.', 'Jo Manager')
    team = document.add_paragraph()
    runs(team, 'The ideal candidate is ', '*young and ', '_dynamic', ', with plenty of energy.')
    document.add_heading('What you will do', level=1)
    for item in ['Support patients with personal care', 'Work with the manpower planning team', 'Keep accurate records']:
        document.add_paragraph(item, style='List Bullet')
    table = document.add_table(rows=2, cols=2)
    table.style = 'Table Grid'
    for r, (label, value) in enumerate([('Salary', '£24,071 a year, Band 3'), ('Hours', 'Full time, 37.5 hours a week')]):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    document.add_heading('How to apply', level=1)
    closing = document.add_paragraph()
    runs(closing, 'Apply through NHS Jobs. Closing date: 30 June. ')
    tracked(closing, 'del', 'Interviews are in July. ', 901)
    tracked(closing, 'ins', 'Interviews are on 14 July.', 902)
    document.save(path)


def policy(path: Path) -> None:
    document = Document()
    document.add_heading('Flexible working policy', level=0)
    document.add_heading('1. Purpose', level=1)
    document.add_paragraph('This policy explains how staff can ask to work flexibly. It applies to every chairman of a committee.')
    document.add_heading('2. Scope', level=1)
    p = document.add_paragraph()
    runs(p, 'Managers should not assume that ', '*elderly', ' staff want to reduce their hours.')
    document.save(path)


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    image = out / 'logo.png'
    image.write_bytes(png(48, 24))
    advert(out / 'advert.docx', image)
    policy(out / 'policy.docx')


if __name__ == '__main__':
    main()
