"""Non-ASCII identifiers (already in NFKC form, as CPython stores names)."""


def précision(y_true, y_pred, seuil=0.5):
    return 0.0


def 日本語(データ, 予測="✓"):
    return 0.0


def after_unicode(a="é", b="😀", c=1):
    return a
