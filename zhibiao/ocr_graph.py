"""The OCR models' graphs rewritten before ONNX Runtime loads them: the same arithmetic in fewer passes.

PaddleOCR's PP-OCRv4 models, as exported to ONNX and shipped in RapidOCR's wheel, follow nearly every
convolution with a scalar affine (``x * a + b``), a hard-swish spelled as four operators
(``x * clip(x + 3, 0, 6) / 6``) and a second scalar affine. ONNX Runtime fuses none of them, so on a
CPU about half of the recogniser's time went to element-wise passes over memory (its profiler:
Mul, Add, Clip, Div 52%, Conv 29%). Three rewrites, each exact up to float rounding:

- an affine after a convolution goes into its weights and bias;
- the hard-swish becomes ``x * HardSigmoid(x)`` (an operator of opset 6, so the model's opset stays);
- an affine before a convolution without padding goes into its weights and bias (with padding the
  border would see zeros instead of the affine's offset); before one with padding it becomes a
  BatchNormalization, which ONNX Runtime runs in its blocked layout with the convolutions.

Nothing is written to disk: the rewritten model is handed to ONNX Runtime as bytes. On the shared
scans the recogniser costs 2.1x and the detector 1.7x less CPU, and the OCR text is identical
(docs/SCALING.md, "Third pass").
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import numpy as np

HARD_SWISH = (3.0, 0.0, 6.0, 6.0)  # x * clip(x + 3, 0, 6) / 6: the offset, the clip bounds, the divisor
BN_EPSILON = 1e-5  # of the BatchNormalization an affine before a padding convolution becomes


@lru_cache(maxsize=4)
def simplified(path: str | Path) -> bytes:
    """The model at ``path`` with its affines folded and hard-swishes fused, serialised (once a process:
    every engine loads the same two models)."""
    import onnx

    model = onnx.load(str(path))
    _Graph(model.graph).simplify()
    return model.SerializeToString()


class _Graph:
    """A graph's nodes and constants (Constant nodes and initializers alike), rewritten in place;
    ``users``, the nodes reading each tensor, is kept up to date by every change rather than rebuilt."""

    def __init__(self, graph):
        from onnx import numpy_helper

        self.graph = graph
        self.const: dict[str, np.ndarray] = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
        self.nodes = []
        for n in graph.node:
            if n.op_type == "Constant" and len(n.attribute) == 1 and n.attribute[0].name == "value":
                self.const[n.output[0]] = numpy_helper.to_array(n.attribute[0].t)
            else:
                self.nodes.append(n)
        self.outputs = {o.name for o in graph.output}
        self.users: dict[str, list] = defaultdict(list)
        for n in self.nodes:
            self._read(n)

    def simplify(self) -> dict[str, int]:
        """Apply every rewrite; returns how many of each were made."""
        done = {"affine after conv": self._fold_after(), "hard-swish": self._hard_swish()}
        done["affine before conv"], done["affine before padded conv"] = self._fold_before()
        self._write()
        return done

    # --- helpers ---------------------------------------------------------------------------------

    def _read(self, node) -> None:
        for name in node.input:
            self.users[name].append(node)

    def _unread(self, node) -> None:
        for name in node.input:
            self.users[name].remove(node)

    def _remove(self, node) -> None:
        self.nodes.remove(node)
        self._unread(node)

    def _insert(self, at: int, nodes: list) -> None:
        self.nodes[at:at] = nodes
        for n in nodes:
            self._read(n)

    def _only_user(self, name: str, op: str):
        """The one node reading ``name``, if it is an ``op`` and ``name`` is not a graph output."""
        got = self.users.get(name, [])
        return got[0] if len(got) == 1 and got[0].op_type == op and name not in self.outputs else None

    def _operand(self, node) -> tuple[np.ndarray | None, str | None]:
        """(constant, other input) of a binary node with exactly one constant input."""
        a, b = node.input
        if (a in self.const) == (b in self.const):
            return None, None
        return (self.const[a], b) if a in self.const else (self.const[b], a)

    def _scalar(self, node) -> tuple[float | None, str | None]:
        c, x = self._operand(node)
        return (float(c.reshape(-1)[0]), x) if c is not None and c.size == 1 else (None, None)

    def _weights(self, conv) -> tuple[np.ndarray, np.ndarray] | None:
        if len(conv.input) < 2 or any(name not in self.const for name in conv.input[1:]):
            return None
        w = self.const[conv.input[1]].astype(np.float64)
        b = self.const[conv.input[2]].astype(np.float64) if len(conv.input) > 2 else np.zeros(w.shape[0])
        return w, b

    def _set_weights(self, conv, x: str, w: np.ndarray, b: np.ndarray) -> None:
        name = conv.output[0]
        self.const[name + ".folded_w"] = w.astype(np.float32)
        self.const[name + ".folded_b"] = b.astype(np.float32)
        self._unread(conv)
        del conv.input[:]
        conv.input.extend([x, name + ".folded_w", name + ".folded_b"])
        self._read(conv)

    # --- rewrites --------------------------------------------------------------------------------

    def _fold_after(self) -> int:
        """Conv -> Mul/Add by a constant per output channel (or one scalar): into the Conv."""
        folded = 0
        for conv in [n for n in self.nodes if n.op_type == "Conv"]:
            while (wb := self._weights(conv)) is not None:
                nxt = self._only_user(conv.output[0], "Mul") or self._only_user(conv.output[0], "Add")
                c = self._operand(nxt)[0] if nxt is not None else None
                channels = wb[0].shape[0]
                if c is None or not (c.size == 1 or c.shape in ((channels, 1, 1), (1, channels, 1, 1))):
                    break
                w, b = wb
                c = c.astype(np.float64).reshape(-1) * np.ones(channels)
                if nxt.op_type == "Mul":
                    w, b = w * c.reshape(-1, *[1] * (w.ndim - 1)), b * c
                else:
                    b = b + c
                self._set_weights(conv, conv.input[0], w, b)
                del conv.output[:]
                conv.output.extend(nxt.output)
                self._remove(nxt)
                folded += 1
        return folded

    def _hard_swish(self) -> int:
        """Add(x, 3) -> Clip(0, 6) -> Mul(x, .) -> Div(6): x * HardSigmoid(x, 1/6, 1/2)."""
        from onnx import helper

        offset, low, high, divisor = HARD_SWISH
        fused = 0
        for add in [n for n in self.nodes if n.op_type == "Add"]:
            three, x = self._scalar(add)
            if three != offset:
                continue
            clip = self._only_user(add.output[0], "Clip")
            if clip is None or [self._bound(clip, k) for k in (1, 2)] != [low, high]:
                continue
            mul = self._only_user(clip.output[0], "Mul")
            if mul is None or sorted(mul.input) != sorted([x, clip.output[0]]):
                continue
            div = self._only_user(mul.output[0], "Div")
            if div is None or div.input[0] != mul.output[0] or self._scalar(div)[0] != divisor:
                continue
            at = self.nodes.index(add)
            for n in (add, clip, mul, div):
                self._remove(n)
            gate = div.output[0] + ".gate"
            self._insert(at, [helper.make_node("HardSigmoid", [x], [gate], alpha=1 / divisor, beta=offset / divisor),
                              helper.make_node("Mul", [x, gate], list(div.output))])
            fused += 1
        return fused

    def _bound(self, clip, k: int) -> float | None:
        name = clip.input[k] if len(clip.input) > k else ""
        return float(self.const[name].reshape(-1)[0]) if name in self.const and self.const[name].size == 1 else None

    def _fold_before(self) -> tuple[int, int]:
        """Mul(x, s) -> Add(t), scalars, read only by Convs: into those Convs where none pads; before a
        padding Conv, a BatchNormalization instead (ONNX Runtime turns it into a convolution in its
        blocked layout, so the tensor is not reordered out of that layout and back for two passes)."""
        from onnx import helper

        folded = normalised = 0
        for mul in [n for n in self.nodes if n.op_type == "Mul"]:
            s, x = self._scalar(mul)
            if s is None:
                continue
            add = self._only_user(mul.output[0], "Add")
            t = self._scalar(add)[0] if add is not None else None
            convs = (list(self.users.get(add.output[0], []))  # a copy: folding changes who reads what
                     if t is not None and add.output[0] not in self.outputs else [])
            if not convs or not all(c.op_type == "Conv" and c.input[0] == add.output[0]
                                    and self._weights(c) is not None for c in convs):
                continue
            at = self.nodes.index(mul)
            self._remove(mul)
            self._remove(add)
            if not any(_padded(c) for c in convs):
                for conv in convs:
                    w, b = self._weights(conv)
                    self._set_weights(conv, x, w * s, b + t * w.reshape(w.shape[0], -1).sum(axis=1))
                folded += 1
                continue
            w = self._weights(convs[0])[0]
            channels = w.shape[1] * next((a.i for a in convs[0].attribute if a.name == "group"), 1)
            names = [add.output[0] + part for part in (".scale", ".shift", ".mean", ".var")]
            for name, value in zip(names, (s, t, 0.0, 1.0 - BN_EPSILON)):  # 1 / sqrt(var + eps) = 1
                self.const[name] = np.full(channels, value, dtype=np.float32)
            self._insert(at, [helper.make_node("BatchNormalization", [x, *names], list(add.output),
                                               epsilon=BN_EPSILON)])
            normalised += 1
        return folded, normalised

    def _write(self) -> None:
        from onnx import numpy_helper

        used = {name for n in self.nodes for name in n.input} | self.outputs | {i.name for i in self.graph.input}
        del self.graph.node[:]
        self.graph.node.extend(self.nodes)
        del self.graph.initializer[:]
        self.graph.initializer.extend(numpy_helper.from_array(np.asarray(value), name)
                                      for name, value in self.const.items() if name in used)


def _padded(conv) -> bool:
    for a in conv.attribute:
        if a.name == "pads" and any(a.ints):
            return True
        if a.name == "auto_pad" and a.s not in (b"", b"NOTSET", b"VALID"):
            return True
    return False


__all__ = ["simplified"]
