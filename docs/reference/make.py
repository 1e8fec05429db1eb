#!/usr/bin/env python3
"""Makes the reference documents of `palabre export` from pandoc's defaults.

    python3 docs/reference/make.py      # from the package root; needs pandoc

Writes reference.docx, reference-landscape.docx, reference.odt and reference-landscape.odt
beside this file, and their copy inside the binary (Sources/PalabreCore/Documents/
ReferenceDocuments.swift, base64), so that an installed `palabre` needs no file beside it: A4 (portrait, or landscape for wide tables), 2 cm margins, page numbers in the
footer, styled title and headings, tables with borders and a shaded, bold header row.
"""
import io
import os
import re
import subprocess
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def default(name):
    return subprocess.run(["pandoc", "--print-default-data-file", name], check=True, capture_output=True).stdout


def rezip(data, edit, out):
    src = zipfile.ZipFile(io.BytesIO(data))
    files = {i.filename: src.read(i.filename) for i in src.infolist()}
    edit(files)
    # Fixed timestamps: the same pandoc gives the same bytes.
    with zipfile.ZipFile(os.path.join(HERE, out), "w") as z:
        order = (["mimetype"] if "mimetype" in files else []) + sorted(k for k in files if k != "mimetype")
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, files[name])


def sub(text, pattern, repl, count=1):
    new, n = re.subn(pattern, repl, text, count=count, flags=re.S)
    assert n >= 1, pattern
    return new


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f"<w:ftr {W} {R}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:t xml:space="preserve"> / </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    "</w:p></w:ftr>"
)

HEADING_RPR = '<w:color w:val="1F3864"/>'
STYLES_EXTRA = (
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/><w:color w:val="595959"/></w:rPr></w:style>'
)
TABLE_STYLE = (
    '<w:style w:type="table" w:default="1" w:styleId="Table"><w:name w:val="Table"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
    '<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
    '<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    '<w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    '<w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders>'
    '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
    '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/>'
    '<w:trPr><w:tblHeader/></w:trPr>'
    '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/><w:vAlign w:val="bottom"/></w:tcPr>'
    "</w:tblStylePr></w:style>"
)


def docx(landscape):
    def edit(f):
        doc = f["word/document.xml"].decode()
        if "xmlns:r=" not in doc:
            doc = doc.replace("<w:document ", f"<w:document {R} ", 1)
        size = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape else '<w:pgSz w:w="11906" w:h="16838"/>'
        sect = (
            '<w:sectPr><w:footerReference w:type="default" r:id="rIdPalabreFooter"/>' + size
            + '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
            "</w:sectPr>"
        )
        f["word/document.xml"] = doc.replace("<w:sectPr />", sect).encode()
        f["word/footer1.xml"] = FOOTER.encode()
        rels = f["word/_rels/document.xml.rels"].decode()
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
            'Id="rIdPalabreFooter" Target="footer1.xml" /></Relationships>',
        )
        f["word/_rels/document.xml.rels"] = rels.encode()
        ct = f["[Content_Types].xml"].decode()
        ct = ct.replace(
            "</Types>",
            '<Override PartName="/word/footer1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>',
        )
        f["[Content_Types].xml"] = ct.encode()
        st = f["word/styles.xml"].decode()
        # Body text: 10.5 pt, a little air; headings dark blue, level 1 underlined by a rule. The size
        # is the documents' default, not the Normal style's: a paragraph style outranks the table
        # style, whose 9 pt would then never reach the cells.
        st = sub(st, r'(<w:rPrDefault>.*?)<w:sz w:val="24" />\s*<w:szCs w:val="24" />',
                 r'\1<w:sz w:val="21"/><w:szCs w:val="21"/>')
        st = re.sub(r'<w:color w:val="4F81BD" w:themeColor="accent1" />', HEADING_RPR, st)
        st = sub(st, r'(<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:spacing )w:before="480" w:after="0" />',
                 r'\1w:before="360" w:after="120" /><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="1F3864"/></w:pBdr>')
        st = sub(st, r'(<w:style w:type="paragraph" w:styleId="Title">.*?)<w:color w:val="345A8A" w:themeColor="accent1" w:themeShade="B5" />\s*<w:sz w:val="36" />\s*<w:szCs w:val="36" />',
                 r'\1<w:color w:val="1F3864"/><w:sz w:val="40"/><w:szCs w:val="40"/>')
        st = sub(st, r'<w:style w:type="table" w:default="1" w:styleId="Table">.*?</w:style>', TABLE_STYLE)
        st = st.replace("</w:styles>", STYLES_EXTRA + "</w:styles>")
        f["word/styles.xml"] = st.encode()

    rezip(default("reference.docx"), edit, "reference-landscape.docx" if landscape else "reference.docx")


def odt(landscape):
    def edit(f):
        st = f["styles.xml"].decode()
        w, h, o = ("29.7cm", "21cm", "landscape") if landscape else ("21cm", "29.7cm", "portrait")
        st = sub(st, r'fo:page-width="8.5in"\s*fo:page-height="11in"', f'fo:page-width="{w}" fo:page-height="{h}"')
        st = sub(st, r'style:print-orientation="portrait"', f'style:print-orientation="{o}"')
        st = sub(st, r'fo:margin-top="1in"\s*fo:margin-bottom="1in" fo:margin-left="1in"\s*fo:margin-right="1in"',
                 'fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"')
        # Headings dark blue and bold.
        st = sub(st, r'(<style:style style:name="Heading" .*?<style:text-properties )',
                 r'\1fo:color="#1f3864" fo:font-weight="bold" ')
        # Page « N / M » in the footer.
        st = sub(st, r'(<text:page-number text:select-page="current">\s*1</text:page-number>)',
                 r'\1 / <text:page-count>1</text:page-count>')
        f["styles.xml"] = st.encode()

    rezip(default("reference.odt"), edit, "reference-landscape.odt" if landscape else "reference.odt")


NAMES = ["reference.docx", "reference-landscape.docx", "reference.odt", "reference-landscape.odt"]
PROPS = ["docx", "docxLandscape", "odt", "odtLandscape"]


def embed():
    import base64
    out = [
        "// Generated by docs/reference/make.py from the files of docs/reference: do not edit by hand.",
        "// A test checks that these bytes are those of the files.",
        "",
        "import Foundation",
        "",
        "/// The reference documents of docs/reference (styles, A4 pages, page numbers), kept inside the",
        "/// binary so that `palabre export` works wherever the binary is installed.",
        "enum ReferenceDocuments {",
    ]
    for name, prop in zip(NAMES, PROPS):
        data = open(os.path.join(HERE, name), "rb").read()
        b64 = base64.b64encode(data).decode()
        lines = [b64[i:i + 100] for i in range(0, len(b64), 100)]
        out.append(f"    /// docs/reference/{name}.")
        out.append(f"    static let {prop} = Data(base64Encoded: {prop}Base64, options: .ignoreUnknownCharacters)!")
        out.append(f"    private static let {prop}Base64 = \"\"\"")
        out.extend("        " + l for l in lines)
        out.append('        """')
    out.append("}")
    path = os.path.join(HERE, "..", "..", "Sources", "PalabreCore", "Documents", "ReferenceDocuments.swift")
    open(path, "w").write("\n".join(out) + "\n")


if __name__ == "__main__":
    for landscape in (False, True):
        docx(landscape)
        odt(landscape)
    embed()
