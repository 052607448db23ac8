#!/usr/bin/env python3
"""html5check.py FILE... (or - to read the names from stdin, one a line):
checks pages the way a browser reads them.

Each FILE must parse as HTML5 (html5lib) with no parse error, be declared
UTF-8, and the tree the HTML5 parser builds must be the tree the XML
parser builds: the same elements, nested the same way, with the same
attributes and texts (white space aside).  So "<ul/>", which an HTML
parser reads as an open tag, fails, and so does an XML declaration.
Exit status: 0 when every file passes, 1 otherwise, 77 (skip) when
html5lib is not installed.
"""
import sys
import xml.etree.ElementTree as ET

try:
    import html5lib
except ImportError:
    print("html5lib is not installed (Debian: python3-html5lib)")
    sys.exit(77)


def norm(text):
    return " ".join((text or "").split())


def attrs(elem):
    # the XML parser takes xmlns as a namespace declaration, html5lib
    # keeps it as an attribute of <html>
    return sorted((k, v) for k, v in elem.attrib.items() if k != "xmlns")


def compare(h, x, path, out):
    """Appends to OUT the first differences between HTML tree H and XML
    tree X (ElementTree elements)."""
    here = "%s/%s" % (path, x.tag.split("}")[-1])
    if h.tag != x.tag:
        out.append("%s: the HTML parser has <%s> here" % (here, h.tag))
        return
    if attrs(h) != attrs(x):
        out.append("%s: attributes %s (HTML) vs %s (XML)"
                   % (here, attrs(h), attrs(x)))
    if norm(h.text) != norm(x.text):
        out.append("%s: text %r (HTML) vs %r (XML)"
                   % (here, norm(h.text), norm(x.text)))
    hk, xk = list(h), list(x)
    if [c.tag for c in hk] != [c.tag for c in xk]:
        out.append("%s: children %s (HTML) vs %s (XML)"
                   % (here, [c.tag.split("}")[-1] for c in hk],
                      [c.tag.split("}")[-1] for c in xk]))
        return
    for a, b in zip(hk, xk):
        if norm(a.tail) != norm(b.tail):
            out.append("%s: text after <%s>: %r (HTML) vs %r (XML)"
                       % (here, b.tag.split("}")[-1], norm(a.tail),
                          norm(b.tail)))
        compare(a, b, here, out)


def check(name):
    problems = []
    with open(name, "rb") as f:
        data = f.read()
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree", ET),
                                 namespaceHTMLElements=True)
    html = parser.parse(data)
    for (line, col), code, info in parser.errors:
        problems.append("%d:%d: HTML5 parse error: %s %s"
                        % (line, col, code, info or ""))
    if parser.documentEncoding != "utf-8":
        problems.append("encoding read as %s, not utf-8"
                        % parser.documentEncoding)
    try:
        xml = ET.fromstring(data)
    except ET.ParseError as e:
        problems.append("not well-formed XML: %s" % e)
        return problems
    diffs = []
    compare(html, xml, "", diffs)
    problems.extend("HTML and XML trees differ: " + d for d in diffs[:5])
    return problems


def main(files):
    bad = 0
    for name in files:
        problems = check(name)
        if problems:
            bad += 1
            if bad <= 10:
                for p in problems[:5]:
                    print("%s: %s" % (name, p))
    print("%d of %d pages read the same as HTML5 and as XML"
          % (len(files) - bad, len(files)))
    return 1 if bad or not files else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["-"]:
        sys.exit(main([l.rstrip("\n") for l in sys.stdin if l.strip()]))
    sys.exit(main(sys.argv[1:]))
