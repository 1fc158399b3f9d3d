"""Parameter lists: every kind, defaults written in every way."""


def plain(a, b, c):
    return a


def defaults(a=1, b=(2), c=(  3 ), d=[1, (2, 3)], e={"k": (1,)}, f=lambda x=1: x, g=-1, h=not True):
    return a


def strings(a="précision ✓", b='日本語', c=f"{1 + 1}", d=b"\x00", e="""multi
line""", f='📈'):
    return a


def kinds(a, b=1, /, c=2, *args: int, d, e=3, **kwargs: "str") -> float:
    return a


def only_posonly(a, b, /):
    return a


def only_kwonly(*, a, b=2):
    return a


def annotated(y_true: "list[float]", y_pred: list = None, *, sample_weight: "np.ndarray | None" = None) -> float:
    return 0.0


def multiline(
    y_true,  # actuals
    y_pred,
    sample_weight=None,
    *,
    labels=(
        "a",
        "b",
    ),
    **kwargs,
):
    return 0.0


def continued(a, \
              b=1):
    return a


def trailing_comma(a, b,):
    return a


def walrus_default(a=(n := 10)):
    return a


def starred_only(*args):
    return args


def kwargs_only(**kwargs):
    return kwargs
