"""Writes an ensemble of HashNet members as one ONNX graph (opset 13) that onnxruntime-node runs.

Input  `ids`: int32 [L], the hashed feature ids of one utterance (L >= 1). int32 because Gather takes it
       as it is and JavaScript fills an Int32Array without BigInt conversions (int64 costs one BigInt per id).
Output one float32 [1, classes] softmax per head, averaged over the members.
Per member: Gather(float16 table) -> Cast float32 -> ReduceMean over L -> Gemm -> Relu -> Gemm per head ->
Softmax. The tables are stored as float16 to halve the file; everything after the Gather is float32, so the
numpy reference in hashnet.predict() computes the same numbers.
"""

from __future__ import annotations

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def export(members: list[dict[str, np.ndarray]], heads: list[str], path: str, meta: dict[str, str]) -> int:
    nodes = []
    inits = []
    for k, m in enumerate(members):
        p = f"m{k}_"
        inits += [
            numpy_helper.from_array(m["emb"].astype(np.float16), p + "emb"),
            numpy_helper.from_array(m["w1"].astype(np.float32), p + "w1"),
            numpy_helper.from_array(m["b1"].astype(np.float32), p + "b1"),
        ]
        nodes += [
            helper.make_node("Gather", [p + "emb", "ids"], [p + "g16"], axis=0),
            helper.make_node("Cast", [p + "g16"], [p + "g"], to=TensorProto.FLOAT),
            helper.make_node("ReduceMean", [p + "g"], [p + "pool"], axes=[0], keepdims=1),
            helper.make_node("Gemm", [p + "pool", p + "w1", p + "b1"], [p + "h0"]),
            helper.make_node("Relu", [p + "h0"], [p + "h"]),
        ]
        for head in heads:
            inits += [
                numpy_helper.from_array(m[f"w_{head}"].astype(np.float32), f"{p}w_{head}"),
                numpy_helper.from_array(m[f"b_{head}"].astype(np.float32), f"{p}b_{head}"),
            ]
            nodes += [
                helper.make_node("Gemm", [p + "h", f"{p}w_{head}", f"{p}b_{head}"], [f"{p}z_{head}"]),
                helper.make_node("Softmax", [f"{p}z_{head}"], [f"{p}p_{head}"], axis=-1),
            ]
    outputs = []
    inits.append(numpy_helper.from_array(np.array([1.0 / len(members)], dtype=np.float32), "inv_members"))
    for head in heads:
        n = members[0][f"b_{head}"].shape[0]
        parts = [f"m{k}_p_{head}" for k in range(len(members))]
        nodes += [
            helper.make_node("Sum", parts, [f"sum_{head}"]),
            helper.make_node("Mul", [f"sum_{head}", "inv_members"], [head]),
        ]
        outputs.append(helper.make_tensor_value_info(head, TensorProto.FLOAT, [1, n]))
    graph = helper.make_graph(
        nodes,
        "hashnet",
        [helper.make_tensor_value_info("ids", TensorProto.INT32, ["L"])],
        outputs,
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="reception-intent")
    model.ir_version = 8
    for k, v in meta.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = k, v
    onnx.checker.check_model(model)
    onnx.save(model, path)
    import os

    return os.path.getsize(path)
