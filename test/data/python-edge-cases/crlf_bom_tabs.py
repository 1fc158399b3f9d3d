# a BOM, CRLF line ends, tabs and form feeds


def crlf(a, b=1):
	return a


if True:
	def tabbed(y_true, y_pred, *,
			sample_weight=None):
		return 0.0


def after_tabs(x = "é" , y = (1 ,
  2)):
    return x
