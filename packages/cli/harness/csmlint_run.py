"""csmlint execution check harness (run by `csmlint --run`; stdlib only, Python 3.8+).

Run with the package directory as the working directory. Reads one JSON request on stdin:

    {"targetType": "Regression" | "Binary" | "Multiclass",
     "metrics": [{"id": 0, "function": "rmse", "useWeights": false}, ...],
     "lists": false}

imports ./custom_metrics.py, calls each metric on small synthetic data for the target type, and
writes JSON lines (one object per line, key "event") to its original stdout:

    hello   {"python", "numpy" (version or null), "codeFile" (the path frames carry)}
    import  {"ok": true} or {"ok": false, "error": ERROR}
    call    {"id"}                      sent before each call, so a hang or crash is attributable
    result  {"id", "status": "ok", "value", "type", "kind": "finite"|"nan"|"infinite"|"bool"|"not-real"}
            {"id", "status": "missing"}                  no such attribute on the module
            {"id", "status": "signature", "stage": "core"|"labels", "message"}
            {"id", "status": "error", "error": ERROR}
    done    {}

ERROR = {"type", "message", "module" (ModuleNotFoundError only), "frames": [{"file", "line",
"function", "user"}] (outermost first; "user" = inside custom_metrics.py), "syntax": {"line",
"column", "endColumn", "user"} (SyntaxError only)}.

Numbers: int, float and numpy integer/floating scalars (anything registered as numbers.Real) are
real metric values; bool (and numpy.bool_) is not, although Python counts it as an int: a metric
that returns True/False almost always returns a comparison by mistake.

The user's code cannot corrupt the protocol: file descriptor 1 is duplicated for the protocol
and then pointed at stderr, and sys.stdout is replaced, so prints (even from C code or child
processes) land on stderr. SIGUSR1 dumps every thread's Python stack to stderr (faulthandler):
the caller sends it on timeout to learn which line was still running; a fatal signal (segfault)
dumps it too. The harness runs in its own process group and kills that group if its parent dies.
"""
import faulthandler
import importlib.util
import inspect
import io
import json
import math
import numbers
import os
import signal
import sys
import threading
import time
import traceback

CODE_FILE = "custom_metrics.py"
MODULE_NAME = "custom_metrics"
MAX_REPR = 200
HARNESS_FILE = os.path.abspath(__file__)

# [OURS] the synthetic data each target type is called with: eight rows, both classes present,
# no zeros or negatives in regression targets (MAPE- and log-style metrics stay finite), and
# probabilities strictly inside (0, 1) (log loss stays finite).
REGRESSION_TRUE = [3.0, 0.5, 2.0, 7.0, 4.2, 1.5, 9.1, 5.5]
REGRESSION_PRED = [2.5, 0.7, 2.1, 7.8, 3.9, 1.2, 8.6, 5.0]
BINARY_TRUE = [0, 1, 1, 0, 1, 0, 0, 1]
BINARY_PRED = [0.1, 0.8, 0.65, 0.3, 0.9, 0.45, 0.2, 0.7]
MULTICLASS_LABELS = ["low", "medium", "high"]
MULTICLASS_TRUE = ["low", "high", "medium", "low", "high", "medium", "low", "high"]
MULTICLASS_PRED = [
    [0.7, 0.2, 0.1],
    [0.1, 0.3, 0.6],
    [0.2, 0.5, 0.3],
    [0.6, 0.3, 0.1],
    [0.2, 0.2, 0.6],
    [0.3, 0.4, 0.3],
    [0.5, 0.25, 0.25],
    [0.1, 0.1, 0.8],
]
SAMPLE_WEIGHT = [1.0, 2.0, 0.5, 1.0, 1.5, 1.0, 0.8, 1.2]


class Protocol:
    """JSON lines on a private duplicate of the original stdout."""

    def __init__(self):
        self._out = os.fdopen(os.dup(1), "w", encoding="utf-8", closefd=True)
        os.dup2(2, 1)
        sys.stdout = sys.stderr

    def send(self, event, **fields):
        fields["event"] = event
        self._out.write(json.dumps(fields) + "\n")
        self._out.flush()


def load_numpy(force_lists):
    if force_lists or os.environ.get("CSMLINT_RUN_LISTS") == "1":
        return None
    try:
        import numpy
    except Exception:
        return None
    return numpy


def synthetic_call(target_type, use_weights, np):
    """The positional and keyword arguments for one call: fresh objects every time."""
    as_array = np.array if np is not None else list
    if target_type == "Binary":
        args = [as_array(BINARY_TRUE), as_array(BINARY_PRED)]
    elif target_type == "Multiclass":
        rows = np.array(MULTICLASS_PRED) if np is not None else [list(row) for row in MULTICLASS_PRED]
        args = [as_array(MULTICLASS_TRUE), rows]
    else:
        args = [as_array(REGRESSION_TRUE), as_array(REGRESSION_PRED)]
    kwargs = {}
    if use_weights:
        kwargs["sample_weight"] = as_array(SAMPLE_WEIGHT)
    if target_type == "Multiclass":
        kwargs["labels"] = list(MULTICLASS_LABELS)
    return args, kwargs


def is_user_file(filename, code_file):
    try:
        return os.path.exists(filename) and os.path.samefile(filename, code_file)
    except (OSError, ValueError):
        return False


def is_harness_frame(filename):
    return filename == HARNESS_FILE or filename.startswith("<frozen importlib")


def describe_error(error, code_file):
    """The exception as the protocol's ERROR object, without the harness's and importlib's frames."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if not is_harness_frame(f.filename)]
    described = {
        "type": type(error).__name__,
        "message": safe_str(error),
        "frames": [
            {"file": f.filename, "line": f.lineno, "function": f.name, "user": is_user_file(f.filename, code_file)}
            for f in frames
        ],
    }
    if isinstance(error, ModuleNotFoundError) and error.name:
        described["module"] = error.name
    if isinstance(error, SyntaxError) and error.lineno:
        described["syntax"] = {
            "line": error.lineno,
            "column": error.offset or 0,
            "endColumn": getattr(error, "end_offset", None) or 0,
            "user": bool(error.filename) and is_user_file(error.filename, code_file),
        }
    return described


def safe_str(value):
    try:
        return str(value)
    except Exception:
        return "<unprintable {}>".format(type(value).__name__)


def safe_repr(value):
    try:
        text = repr(value)
    except Exception:
        text = "<unrepresentable {}>".format(type(value).__name__)
    return text if len(text) <= MAX_REPR else text[: MAX_REPR - 3] + "..."


def type_name(value):
    cls = type(value)
    return cls.__qualname__ if cls.__module__ == "builtins" else "{}.{}".format(cls.__module__, cls.__qualname__)


def value_kind(value):
    """finite | nan | infinite | bool | not-real."""
    numpy = sys.modules.get("numpy")  # the user's code may use numpy even when the data are lists
    if isinstance(value, bool) or (numpy is not None and isinstance(value, getattr(numpy, "bool_", bool))):
        return "bool"
    if not isinstance(value, numbers.Real):
        return "not-real"
    try:
        number = float(value)
    except OverflowError:
        return "infinite"
    if math.isnan(number):
        return "nan"
    return "finite" if math.isfinite(number) else "infinite"


def signature_problem(function, args, kwargs):
    """Why `function(*args, **kwargs)` cannot bind, and whether the convention's core call already fails."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    core_kwargs = {k: v for k, v in kwargs.items() if k != "labels"}
    for stage, call_kwargs in (("core", core_kwargs), ("labels", kwargs)):
        try:
            signature.bind(*args, **call_kwargs)
        except TypeError as error:
            return {"stage": stage, "message": safe_str(error)}
    return None


def call_metric(protocol, module, metric, target_type, np, code_file):
    ident = metric["id"]
    function = getattr(module, metric["function"], None)
    if function is None:
        protocol.send("result", id=ident, status="missing")
        return
    args, kwargs = synthetic_call(target_type, bool(metric.get("useWeights")), np)
    problem = signature_problem(function, args, kwargs) if callable(function) else None
    if problem is not None:
        protocol.send("result", id=ident, status="signature", **problem)
        return
    protocol.send("call", id=ident)
    try:
        value = function(*args, **kwargs)
    except BaseException as error:  # noqa: B036 -- SystemExit and KeyboardInterrupt are metric failures too
        protocol.send("result", id=ident, status="error", error=describe_error(error, code_file))
        return
    if inspect.iscoroutine(value):
        value.close()
    protocol.send("result", id=ident, status="ok", value=safe_repr(value), type=type_name(value), kind=value_kind(value))


def import_module(code_file):
    spec = importlib.util.spec_from_file_location(MODULE_NAME, code_file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE_NAME] = module
    spec.loader.exec_module(module)
    return module


def watch_parent():
    """Kill this process group if csmlint dies first: the harness runs in its own group, out of reach of Ctrl-C."""
    if not hasattr(os, "killpg"):
        return
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.25)
        os.killpg(os.getpgrp(), signal.SIGKILL)

    threading.Thread(target=watch, name="csmlint-watch-parent", daemon=True).start()


def main():
    request = json.loads(sys.stdin.read() or "{}")
    sys.stdin = io.StringIO("")
    protocol = Protocol()
    faulthandler.enable(file=sys.__stderr__, all_threads=True)
    if hasattr(faulthandler, "register"):
        faulthandler.register(signal.SIGUSR1, file=sys.__stderr__, all_threads=True)
    watch_parent()
    code_file = os.path.abspath(CODE_FILE)
    package_dir = os.path.dirname(code_file)
    sys.path[0] = package_dir
    np = load_numpy(bool(request.get("lists")))
    protocol.send(
        "hello",
        python=".".join(str(part) for part in sys.version_info[:3]),
        numpy=getattr(np, "__version__", None),
        codeFile=code_file,
    )
    try:
        module = import_module(code_file)
    except BaseException as error:  # noqa: B036 -- a SystemExit at import time is an import failure
        protocol.send("import", ok=False, error=describe_error(error, code_file))
        protocol.send("done")
        return
    protocol.send("import", ok=True)
    target_type = request.get("targetType") or "Regression"
    for metric in request.get("metrics", []):
        call_metric(protocol, module, metric, target_type, np, code_file)
    protocol.send("done")


if __name__ == "__main__":
    main()
