"""Reading CoNLL/IOB2 token files (KazNERD's format: a token and its tag per line, a blank line
between sentences), shared by the scripts that need KazNERD's sentences as text."""


def sentences(path):
    """Yields each sentence of an IOB2 file as its tokens joined by one space."""
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                words.append(line.split()[0])
            elif words:
                yield " ".join(words)
                words = []
    if words:
        yield " ".join(words)
