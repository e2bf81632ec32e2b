"""The learned layer: a unit classifier beside the rules (see learn/layer.py)."""
