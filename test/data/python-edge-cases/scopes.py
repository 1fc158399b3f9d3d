"""Where a def binds a module-level name, and where it does not."""
import sys


def top():
    def inner():
        return 1
    return inner


class Holder:
    def method(self, y_true, y_pred):
        return 0.0

    if True:
        def in_class_if(self):
            return 1


if sys.version_info >= (3, 8):
    def under_if(y_true, y_pred):
        return 0.0
elif sys.platform == "win32":
    def under_elif(y_true, y_pred):
        return 0.0
else:
    def under_else(y_true, y_pred):
        return 0.0

try:
    from fastmetrics import fast_mae
except ImportError:
    def fast_mae(y_true, y_pred):
        return 0.0
else:
    def after_import():
        return 1
finally:
    def in_finally():
        return 2

for _i in range(1):
    def in_for():
        return 3
else:
    def in_for_else():
        return 4

while False:
    def in_while():
        return 5

with open(__file__) as _f:
    def in_with():
        return 6

match sys.platform:
    case "linux":
        def in_case(y_true, y_pred):
            return 0.0
    case _:
        def in_default_case(y_true, y_pred):
            return 1.0

if __name__ == "__main__":
    def main():
        return 0


@staticmethod
@decorator.with_args(1, key="v")
def decorated(y_true, y_pred):
    return 0.0


async def asynchronous(y_true, y_pred):
    return 0.0


def top():
    return "redefined"


if True:
    if True:
        try:
            def deeply_conditional(a, *, b):
                return a
        except Exception:
            pass
