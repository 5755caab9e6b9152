#!/usr/bin/python3
"""Writes a tiny ONNX graph with a WeSpeaker model's signature (input feats [1, T, 80] float, output embs
[1, 16]) to test exhibit's --speaker-model plumbing; it is not a speaker model. Made once with Debian's
python3-onnx (apt-get install python3-onnx) and committed as
analyzers/src/test/resources/org/exhibit/voice/tiny-speaker.onnx.

embs = mean_t(feats * feats) @ W, W[i][j] = ((31 i + 17 j) mod 13 - 6) / 6 (OnnxSpeakerScorerTest recomputes it).
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

D = 16
W = np.array([[((31 * i + 17 * j) % 13 - 6) / 6.0 for j in range(D)] for i in range(80)], dtype=np.float32)

feats = helper.make_tensor_value_info("feats", TensorProto.FLOAT, [1, "T", 80])
embs = helper.make_tensor_value_info("embs", TensorProto.FLOAT, [1, D])
nodes = [
    helper.make_node("Mul", ["feats", "feats"], ["sq"]),
    helper.make_node("ReduceMean", ["sq"], ["pooled3"], axes=[1], keepdims=0),
    helper.make_node("MatMul", ["pooled3", "W"], ["embs"]),
]
graph = helper.make_graph(nodes, "tiny-speaker", [feats], [embs], initializer=[numpy_helper.from_array(W, "W")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="exhibit tests")
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, sys.argv[1])
