"""zhibiao.ocr_graph: each rewrite gives the model's outputs back, and only where it is exact."""
from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from zhibiao import ocr_graph  # noqa: E402

C = 4  # channels
RNG = np.random.default_rng(7)


class Net:
    """A small graph built op by op; each op reads the previous one's output unless told otherwise."""

    def __init__(self):
        self.nodes, self.inits, self.last, self.extra_outputs = [], [], "x", []

    def const(self, value, name=None) -> str:
        name = name or f"c{len(self.inits)}"
        self.inits.append(numpy_helper.from_array(np.asarray(value, dtype=np.float32), name))
        return name

    def op(self, kind, *inputs, **attrs) -> str:
        out = f"t{len(self.nodes)}"
        self.nodes.append(helper.make_node(kind, list(inputs), [out], **attrs))
        self.last = out
        return out

    def conv(self, k=1, pad=0, group=1, src=None) -> str:
        w = self.const(RNG.normal(size=(C, C // group, k, k)))
        b = self.const(RNG.normal(size=C))
        return self.op("Conv", src or self.last, w, b, kernel_shape=[k, k], pads=[pad] * 4, group=group)

    def affine(self, scale, shift) -> str:
        self.op("Mul", self.const(scale), self.last)
        return self.op("Add", self.last, self.const(shift))

    def hard_swish(self, high=6.0) -> str:
        x = self.last
        self.op("Add", x, self.const([3.0]))
        clip = self.op("Clip", self.last, self.const(0.0), self.const(high))
        self.op("Mul", x, clip)
        return self.op("Div", self.last, self.const([6.0]))

    def model(self) -> bytes:
        outputs = [helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in [self.last, *self.extra_outputs]]
        inputs = [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, C, 6, 7])]
        graph = helper.make_graph(self.nodes, "net", inputs, outputs, self.inits)
        return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 12)]).SerializeToString()


def lcnet_block(net: Net, pad=0):
    """Conv, affine, hard-swish, affine, then a conv: the block the PP-OCRv4 models repeat."""
    net.conv(k=3, pad=1, group=C)
    net.affine([1.4], [0.6])
    net.hard_swish()
    net.affine([0.2], [-0.3])
    net.conv(k=1 if pad == 0 else 3, pad=pad)


def per_channel_after_conv(net: Net):
    net.conv()
    net.op("Mul", net.last, net.const(RNG.normal(size=(C, 1, 1))))


def along_width_after_conv(net: Net):  # a (7,) constant scales columns, not channels
    net.conv()
    net.op("Mul", net.last, net.const(RNG.normal(size=7)))


def conv_read_twice(net: Net):  # the conv's output is also a graph output: it must stay as it is
    out = net.conv()
    net.extra_outputs.append(out)
    net.affine([2.0], [1.0])


def clip_of_five(net: Net):  # not a hard-swish: clipped at 5
    net.conv()
    net.hard_swish(high=5.0)


def affine_before_padded_conv(net: Net):
    lcnet_block(net, pad=1)


def _rewrites(after=0, swish=0, before=0, padded=0) -> dict[str, int]:
    return {"affine after conv": after, "hard-swish": swish, "affine before conv": before,
            "affine before padded conv": padded}


CASES = [  # (graph, rewrites expected)
    (lcnet_block, _rewrites(after=2, swish=1, before=1)),
    (affine_before_padded_conv, _rewrites(after=2, swish=1, padded=1)),
    (per_channel_after_conv, _rewrites(after=1)),
    (along_width_after_conv, _rewrites()),
    (conv_read_twice, _rewrites()),
    (clip_of_five, _rewrites()),
]


def _run(model: bytes, x: np.ndarray) -> list[np.ndarray]:
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    return session.run(None, {"x": x})


@pytest.mark.parametrize("build, expected", CASES, ids=[c[0].__name__ for c in CASES])
def test_rewrites_keep_the_outputs(build, expected, tmp_path):
    net = Net()
    build(net)
    (tmp_path / "m.onnx").write_bytes(net.model())
    model = onnx.load(str(tmp_path / "m.onnx"))
    assert ocr_graph._Graph(model.graph).simplify() == expected
    x = RNG.normal(size=(1, C, 6, 7)).astype(np.float32) * 3
    got = _run(ocr_graph.simplified(tmp_path / "m.onnx"), x)
    for want, have in zip(_run(net.model(), x), got, strict=True):
        np.testing.assert_allclose(have, want, rtol=1e-5, atol=1e-5)
    saved = (expected["affine after conv"] + 2 * expected["hard-swish"] + 2 * expected["affine before conv"]
             + expected["affine before padded conv"])
    assert len(model.graph.node) == len(net.nodes) - saved


def test_the_shipped_models_lose_their_element_wise_chains():
    rapidocr = pytest.importorskip("rapidocr_onnxruntime")
    from pathlib import Path

    models = sorted((Path(rapidocr.__file__).parent / "models").glob("*_det_*.onnx"))
    assert models
    model = onnx.load(str(models[0]))
    before = len([n for n in model.graph.node if n.op_type != "Constant"])
    done = ocr_graph._Graph(model.graph).simplify()
    assert all(done.values()) and len(model.graph.node) < 0.8 * before


@pytest.mark.parametrize("build", [c[0] for c in CASES], ids=[c[0].__name__ for c in CASES])
def test_the_readers_of_each_tensor_are_kept_up_to_date_through_the_rewrites(build, tmp_path):
    net = Net()
    build(net)
    (tmp_path / "m.onnx").write_bytes(net.model())
    graph = ocr_graph._Graph(onnx.load(str(tmp_path / "m.onnx")).graph)
    graph.simplify()
    readers = {}
    for n in graph.nodes:
        for name in n.input:
            readers.setdefault(name, []).append(id(n))
    assert {name: [id(n) for n in got] for name, got in graph.users.items() if got} == readers
